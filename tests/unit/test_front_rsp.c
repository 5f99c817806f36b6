// SPDX-License-Identifier: GPL-2.0
/*
 * pvscsifront's pure response validation and segment math, fed the values
 * a hostile or ancient backend could produce.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <xen/interface/io/vscsiif.h>
#include "vscsifront_rsp.h"

static void test_rqid_kinds(void **state)
{
	(void)state;
	assert_int_equal(vscsifront_rqid_kind(0, 16, 16), VSCSIFRONT_RQID_CMD);
	assert_int_equal(vscsifront_rqid_kind(15, 16, 16), VSCSIFRONT_RQID_CMD);
	assert_int_equal(vscsifront_rqid_kind(16, 16, 16), VSCSIFRONT_RQID_TMF);
	assert_int_equal(vscsifront_rqid_kind(31, 16, 16), VSCSIFRONT_RQID_TMF);
	assert_int_equal(vscsifront_rqid_kind(32, 16, 16), VSCSIFRONT_RQID_BAD);
	assert_int_equal(vscsifront_rqid_kind(0xffff, 16, 16), VSCSIFRONT_RQID_BAD);
	assert_int_equal(vscsifront_rqid_kind(16, 16, 0), VSCSIFRONT_RQID_BAD);
}

static void test_rsp_check(void **state)
{
	(void)state;
	assert_int_equal(vscsifront_rsp_check(0, 0, 0), 0);
	assert_int_equal(vscsifront_rsp_check(96, 4096, 4096), 0);
	assert_int_equal(vscsifront_rsp_check(18, 512, 4096), 0);
	/* Sense longer than the response's own buffer. */
	assert_int_equal(vscsifront_rsp_check(97, 0, 4096), -EPROTO);
	assert_int_equal(vscsifront_rsp_check(255, 0, 4096), -EPROTO);
	/* Residual larger than what was asked for. */
	assert_int_equal(vscsifront_rsp_check(0, 4097, 4096), -EPROTO);
	assert_int_equal(vscsifront_rsp_check(0, 1, 0), -EPROTO);
	assert_int_equal(vscsifront_rsp_check(0, 0xffffffffu, 1 << 20), -EPROTO);
}

static void test_rsp_count(void **state)
{
	(void)state;
	assert_true(vscsifront_rsp_count_ok(5, 5, 5));
	assert_true(vscsifront_rsp_count_ok(7, 5, 9));
	assert_true(vscsifront_rsp_count_ok(9, 5, 9));
	/* More responses than requests outstanding. */
	assert_false(vscsifront_rsp_count_ok(10, 5, 9));
	/* A producer index behind the consumer. */
	assert_false(vscsifront_rsp_count_ok(4, 5, 9));
	/* Index wrap-around is legitimate. */
	assert_true(vscsifront_rsp_count_ok(2, 0xfffffffeu, 3));
	assert_false(vscsifront_rsp_count_ok(4, 0xfffffffeu, 3));
}

static void test_rslt_host(void **state)
{
	(void)state;
	assert_int_equal(vscsifront_rslt_host(0), VSCSIFRONT_DID_OK);
	assert_int_equal(vscsifront_rslt_host(XEN_VSCSIIF_RSLT_HOST_RESET << 16),
			 VSCSIFRONT_DID_RESET);
	assert_int_equal(vscsifront_rslt_host(XEN_VSCSIIF_RSLT_HOST_TRANSPORT_FAILFAST << 16),
			 VSCSIFRONT_DID_TRANSPORT_FAILFAST);
	assert_int_equal(vscsifront_rslt_host(XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL << 16),
			 VSCSIFRONT_DID_TRANSPORT_MARGINAL);
	/* Codes Linux dropped, and codes nobody defined, mean an error. */
	assert_int_equal(vscsifront_rslt_host(XEN_VSCSIIF_RSLT_HOST_TARGET_FAILURE << 16),
			 VSCSIFRONT_DID_ERROR);
	assert_int_equal(vscsifront_rslt_host(XEN_VSCSIIF_RSLT_HOST_MEDIUM_ERROR << 16),
			 VSCSIFRONT_DID_ERROR);
	assert_int_equal(vscsifront_rslt_host(0x15 << 16), VSCSIFRONT_DID_ERROR);
	assert_int_equal(vscsifront_rslt_host(0xff << 16), VSCSIFRONT_DID_ERROR);
	/* Old peers: a driver byte (DRIVER_SENSE) and message byte above. */
	assert_int_equal(vscsifront_rslt_host((int32_t)0x08000002), VSCSIFRONT_DID_OK);
	assert_int_equal(vscsifront_rslt_host((int32_t)0x08070002), VSCSIFRONT_DID_ERROR);
	assert_int_equal(vscsifront_rslt_host(-1), VSCSIFRONT_DID_ERROR);
}

static void test_rslt_status(void **state)
{
	(void)state;
	assert_int_equal(vscsifront_rslt_status(0), 0);
	assert_int_equal(vscsifront_rslt_status(0x02), 0x02);
	assert_int_equal(vscsifront_rslt_status((int32_t)0x08000002), 0x02);
	assert_int_equal(vscsifront_rslt_status((3 << 16) | 0x28), 0x28);
	assert_int_equal(vscsifront_rslt_status(-1), 0xff);
}

static void test_tmf_result(void **state)
{
	(void)state;
	assert_true(vscsifront_tmf_succeeded(XEN_VSCSIIF_RSLT_RESET_SUCCESS));
	assert_false(vscsifront_tmf_succeeded(XEN_VSCSIIF_RSLT_RESET_FAILED));
	assert_false(vscsifront_tmf_succeeded(0));
	assert_false(vscsifront_tmf_succeeded(-1));
}

static void test_max_segs(void **state)
{
	(void)state;
	assert_int_equal(vscsifront_max_segs(0), VSCSIIF_SG_TABLESIZE);
	assert_int_equal(vscsifront_max_segs(1), VSCSIIF_SG_TABLESIZE);
	assert_int_equal(vscsifront_max_segs(26), VSCSIIF_SG_TABLESIZE);
	assert_int_equal(vscsifront_max_segs(128), 128);
	assert_int_equal(vscsifront_max_segs(256), 256);
	assert_int_equal(vscsifront_max_segs(512), 512);
	assert_int_equal(vscsifront_max_segs(513), VSCSIFRONT_MAX_SEGS);
	assert_int_equal(vscsifront_max_segs(0xffffffffu), VSCSIFRONT_MAX_SEGS);
	/* 128 segments = 512 KiB, 256 = 1 MiB with 4 KiB pages. */
	assert_int_equal(vscsifront_max_sectors(128, 4096), 1024);
	assert_int_equal(vscsifront_max_sectors(256, 4096), 2048);
	assert_int_equal(vscsifront_max_sectors(26, 4096), 208);
}

static void test_layout_direct(void **state)
{
	struct vscsifront_seg_layout lay;

	(void)state;
	assert_int_equal(vscsifront_seg_layout(0, 128, &lay), 0);
	assert_int_equal(lay.nr_segments, 0);
	assert_int_equal(lay.nr_indirect, 0);
	assert_int_equal(vscsifront_seg_layout(26, 26, &lay), 0);
	assert_int_equal(lay.nr_segments, 26);
	assert_int_equal(lay.nr_indirect, 0);
}

static void test_layout_indirect(void **state)
{
	struct vscsifront_seg_layout lay;

	(void)state;
	assert_int_equal(vscsifront_seg_layout(27, 128, &lay), 0);
	assert_int_equal(lay.nr_segments, VSCSIIF_SG_GRANT | 1);
	assert_int_equal(lay.nr_indirect, 1);
	assert_int_equal(vscsifront_seg_layout(512, 512, &lay), 0);
	assert_int_equal(lay.nr_segments, VSCSIIF_SG_GRANT | 1);
	assert_int_equal(vscsifront_indirect_len(27, 0), 27 * 8);
	assert_int_equal(vscsifront_indirect_len(512, 0), 4096);
	assert_int_equal(vscsifront_indirect_len(512, 1), 0);
	assert_int_equal(vscsifront_indirect_len(0, 0), 0);
}

static void test_layout_refused(void **state)
{
	struct vscsifront_seg_layout lay;

	(void)state;
	/* More data than negotiated, and a cap beyond one descriptor page. */
	assert_int_equal(vscsifront_seg_layout(27, 26, &lay), -EINVAL);
	assert_int_equal(vscsifront_seg_layout(129, 128, &lay), -EINVAL);
	assert_int_equal(vscsifront_seg_layout(600, 1024, &lay), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rqid_kinds),
		cmocka_unit_test(test_rsp_check),
		cmocka_unit_test(test_rsp_count),
		cmocka_unit_test(test_rslt_host),
		cmocka_unit_test(test_rslt_status),
		cmocka_unit_test(test_tmf_result),
		cmocka_unit_test(test_max_segs),
		cmocka_unit_test(test_layout_direct),
		cmocka_unit_test(test_layout_indirect),
		cmocka_unit_test(test_layout_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
