// SPDX-License-Identifier: GPL-2.0
/*
 * pvscsiback's pure request validation and result encoding, fed with what a
 * hostile frontend could put on the ring.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vscsiback_req.h"

#define MAX_SEGS 128

static struct vscsiif_request cdb(uint8_t dir, uint8_t nr)
{
	struct vscsiif_request r;
	uint8_t i;

	memset(&r, 0, sizeof(r));
	r.act = VSCSIIF_ACT_SCSI_CDB;
	r.cmd_len = 10;
	r.sc_data_direction = dir;
	r.nr_segments = nr;
	for (i = 0; i < VSCSIIF_SG_TABLESIZE; i++) {
		r.seg[i].offset = 0;
		r.seg[i].length = 4096;
	}
	return r;
}

static int check(const struct vscsiif_request *r)
{
	const char *why = NULL;
	int err = vscsiback_check_req(r, MAX_SEGS, &why);

	/* Every rejection names its reason for the log. */
	if (err)
		assert_non_null(why);
	return err;
}

static void test_good_direct(void **state)
{
	struct vscsiif_request r = cdb(VSCSIIF_DIR_FROM_DEVICE, 26);

	(void)state;
	assert_int_equal(check(&r), 0);
	r = cdb(VSCSIIF_DIR_NONE, 0);
	assert_int_equal(check(&r), 0);
	r = cdb(VSCSIIF_DIR_TO_DEVICE, 1);
	r.seg[0].offset = 512;
	r.seg[0].length = 3584;
	assert_int_equal(check(&r), 0);
}

static void test_bad_act_and_cmd_len(void **state)
{
	struct vscsiif_request r = cdb(VSCSIIF_DIR_NONE, 0);
	static const uint8_t bad_acts[] = { 0, VSCSIIF_ACT_SCSI_SG_PRESET, 5, 255 };
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad_acts); i++) {
		r.act = bad_acts[i];
		assert_int_equal(check(&r), -EINVAL);
	}
	r.act = VSCSIIF_ACT_SCSI_CDB;
	r.cmd_len = 0;
	assert_int_equal(check(&r), -EINVAL);
	r.cmd_len = 17;
	assert_int_equal(check(&r), -EINVAL);
	r.cmd_len = 255;
	assert_int_equal(check(&r), -EINVAL);
	r.cmd_len = 16;
	assert_int_equal(check(&r), 0);
}

static void test_tmf_ignores_data_fields(void **state)
{
	struct vscsiif_request r = cdb(0xff, 0xff);

	(void)state;
	r.cmd_len = 200;
	r.act = VSCSIIF_ACT_SCSI_ABORT;
	assert_int_equal(check(&r), 0);
	r.act = VSCSIIF_ACT_SCSI_RESET;
	assert_int_equal(check(&r), 0);
}

static void test_bad_direction(void **state)
{
	struct vscsiif_request r = cdb(VSCSIIF_DIR_BIDIRECTIONAL, 1);

	(void)state;
	assert_int_equal(check(&r), -EINVAL);
	r.sc_data_direction = 4;
	assert_int_equal(check(&r), -EINVAL);
	/* Data segments without a direction. */
	r = cdb(VSCSIIF_DIR_NONE, 1);
	assert_int_equal(check(&r), -EINVAL);
}

static void test_bad_direct_segments(void **state)
{
	struct vscsiif_request r = cdb(VSCSIIF_DIR_FROM_DEVICE, 27);

	(void)state;
	/* More than seg[] holds, without the indirect flag. */
	assert_int_equal(check(&r), -EINVAL);
	r = cdb(VSCSIIF_DIR_FROM_DEVICE, 2);
	r.seg[1].offset = 1;
	assert_int_equal(check(&r), -EINVAL);		/* runs past its page */
	r.seg[1].offset = 4095;
	r.seg[1].length = 1;
	assert_int_equal(check(&r), 0);
	r.seg[1].offset = 0xffff;
	assert_int_equal(check(&r), -EINVAL);		/* offset outside page */
	r.seg[1].offset = 0;
	r.seg[1].length = 0;
	assert_int_equal(check(&r), -EINVAL);		/* empty segment */
	r.seg[1].length = 0xffff;
	assert_int_equal(check(&r), -EINVAL);
}

static struct vscsiif_request indirect(uint8_t pages, uint16_t bytes_each)
{
	struct vscsiif_request r = cdb(VSCSIIF_DIR_TO_DEVICE,
				       VSCSIIF_SG_GRANT | pages);
	uint8_t i;

	for (i = 0; i < pages && i < VSCSIIF_SG_TABLESIZE; i++) {
		r.seg[i].offset = 0;
		r.seg[i].length = bytes_each;
	}
	return r;
}

static void test_indirect(void **state)
{
	struct vscsiif_request r = indirect(1, 128 * 8);

	(void)state;
	assert_int_equal(check(&r), 0);
	assert_true(vscsiback_req_indirect(&r));
	assert_int_equal(vscsiback_req_nr_slots(&r), 1);
	assert_int_equal(vscsiback_req_indirect_segs(&r), 128);
	/* Split over two pages the way the stock frontend does it. */
	r = indirect(2, 64 * 8);
	r.seg[0].offset = 4096 - 64 * 8;
	assert_int_equal(check(&r), 0);
	assert_int_equal(vscsiback_req_indirect_segs(&r), 128);
}

static void test_bad_indirect(void **state)
{
	struct vscsiif_request r = indirect(1, 129 * 8);

	(void)state;
	assert_int_equal(check(&r), -EINVAL);		/* over feature-sg-grant */
	r = indirect(0, 8);
	assert_int_equal(check(&r), -EINVAL);		/* no pages */
	r = indirect(27, 8);
	assert_int_equal(check(&r), -EINVAL);		/* more than seg[] */
	r = indirect(0x7f, 8);
	assert_int_equal(check(&r), -EINVAL);
	r = indirect(1, 12);
	assert_int_equal(check(&r), -EINVAL);		/* partial descriptor */
	r = indirect(1, 16);
	r.seg[0].offset = 4;
	assert_int_equal(check(&r), -EINVAL);		/* misaligned */
	r = indirect(1, 16);
	r.seg[0].offset = 4096 - 8;
	assert_int_equal(check(&r), -EINVAL);		/* runs past the page */
	r = indirect(1, 0);
	assert_int_equal(check(&r), -EINVAL);
	/* 26 full pages would be 13312 descriptors: far over the limit. */
	r = indirect(26, 4096);
	assert_int_equal(check(&r), -EINVAL);
	r = indirect(1, 8);
	r.sc_data_direction = VSCSIIF_DIR_NONE;
	assert_int_equal(check(&r), -EINVAL);
}

static void test_data_segs(void **state)
{
	struct scsiif_request_segment segs[3] = {
		{ .gref = 1, .offset = 0, .length = 4096 },
		{ .gref = 2, .offset = 512, .length = 512 },
		{ .gref = 3, .offset = 0, .length = 1 },
	};
	uint32_t total = 99;

	(void)state;
	assert_int_equal(vscsiback_check_data_segs(segs, 3, 3, &total), 0);
	assert_int_equal(total, 4609);
	assert_int_equal(vscsiback_check_data_segs(segs, 3, 2, &total), -EINVAL);
	assert_int_equal(vscsiback_check_data_segs(segs, 0, 2, &total), 0);
	assert_int_equal(total, 0);
	segs[1].offset = 3585;
	assert_int_equal(vscsiback_check_data_segs(segs, 3, 3, &total), -EINVAL);
	segs[1].offset = 0;
	segs[2].length = 0;
	assert_int_equal(vscsiback_check_data_segs(segs, 3, 3, &total), -EINVAL);
}

static void test_ring_prod(void **state)
{
	(void)state;
	assert_true(vscsiback_ring_prod_ok(16, 0, 16));
	assert_false(vscsiback_ring_prod_ok(17, 0, 16));
	assert_true(vscsiback_ring_prod_ok(5, 5, 16));
	/* Indices wrap around 2^32. */
	assert_true(vscsiback_ring_prod_ok(3, 0xfffffff8u, 16));
	assert_false(vscsiback_ring_prod_ok(9, 0xfffffff8u, 16));
	/* A producer behind our responses is just as hostile. */
	assert_false(vscsiback_ring_prod_ok(4, 5, 16));
}

static void test_encode_rslt(void **state)
{
	(void)state;
	assert_int_equal(vscsiback_encode_rslt(0), 0);
	/* CHECK CONDITION, host OK. */
	assert_int_equal(vscsiback_encode_rslt(0x02), 0x02);
	/* DID_NO_CONNECT. */
	assert_int_equal(vscsiback_encode_rslt(0x01 << 16), 0x10000);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST(vscsiback_encode_rslt(0x04 << 16)),
			 XEN_VSCSIIF_RSLT_HOST_BAD_TARGET);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST(vscsiback_encode_rslt(0x14 << 16)),
			 XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL);
	/* Unknown host byte: error; the message byte never leaks out. */
	assert_int_equal(vscsiback_encode_rslt(0x7f << 16 | 0x0800 | 0x18),
			 XEN_VSCSIIF_RSLT_HOST_ERROR << 16 | 0x18);
	assert_int_equal(vscsiback_encode_rslt(0xff000000u | 0x03 << 16),
			 XEN_VSCSIIF_RSLT_HOST_TIME_OUT << 16);
}

static void test_sense_and_residual(void **state)
{
	(void)state;
	assert_int_equal(vscsiback_sense_len(0), 0);
	assert_int_equal(vscsiback_sense_len(18), 18);
	assert_int_equal(vscsiback_sense_len(96), 96);
	assert_int_equal(vscsiback_sense_len(97), 96);
	assert_int_equal(vscsiback_sense_len(0xffffffffu), 96);
	assert_int_equal(vscsiback_residual(0, 4096), 0);
	assert_int_equal(vscsiback_residual(512, 4096), 512);
	assert_int_equal(vscsiback_residual(8192, 4096), 4096);
}

static void test_parse_hctl(void **state)
{
	uint32_t v[4];
	static const char *const bad[] = {
		"", "1", "1:2:3", "1:2:3:4:5", "1:2:3:", ":1:2:3", "a:b:c:d",
		"1:2:3:4 ", " 1:2:3:4", "1::3:4", "-1:2:3:4", "1:2:3:4294967296",
		"naa.60014054ac780582:0", "99999999999999999999:0:0:0",
	};
	unsigned int i;

	(void)state;
	assert_int_equal(vscsiback_parse_hctl("0:0:1:3", v), 0);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[2], 1);
	assert_int_equal(v[3], 3);
	assert_int_equal(vscsiback_parse_hctl("4294967295:65535:7:16383", v), 0);
	assert_int_equal(v[0], 4294967295u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(vscsiback_parse_hctl(bad[i], v), -EINVAL);
}

static void test_report_luns(void **state)
{
	static const uint16_t luns[] = { 0, 3, 300 };
	static const uint8_t want[32] = {
		0, 0, 0, 24, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0,
		0, 3, 0, 0, 0, 0, 0, 0,
		0x41, 0x2c, 0, 0, 0, 0, 0, 0,
	};
	uint8_t buf[40];
	uint8_t cdb[12] = { 0xa0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x00, 0, 0 };

	(void)state;
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(vscsiback_report_luns(buf, sizeof(buf), luns, 3), 32);
	assert_memory_equal(buf, want, 32);
	assert_int_equal(buf[32], 0xee);		/* nothing past the data */
	/* A short buffer gets a truncated list, never an overrun. */
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(vscsiback_report_luns(buf, 12, luns, 3), 32);
	assert_memory_equal(buf, want, 12);
	assert_int_equal(buf[12], 0xee);
	assert_int_equal(vscsiback_report_luns(buf, 0, luns, 3), 32);
	assert_int_equal(vscsiback_report_luns_alloc(cdb, 12), 0x1000);
	assert_int_equal(vscsiback_report_luns_alloc(cdb, 6), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_direct),
		cmocka_unit_test(test_bad_act_and_cmd_len),
		cmocka_unit_test(test_tmf_ignores_data_fields),
		cmocka_unit_test(test_bad_direction),
		cmocka_unit_test(test_bad_direct_segments),
		cmocka_unit_test(test_indirect),
		cmocka_unit_test(test_bad_indirect),
		cmocka_unit_test(test_data_segs),
		cmocka_unit_test(test_ring_prod),
		cmocka_unit_test(test_encode_rslt),
		cmocka_unit_test(test_sense_and_residual),
		cmocka_unit_test(test_parse_hctl),
		cmocka_unit_test(test_report_luns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
