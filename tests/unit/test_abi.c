// SPDX-License-Identifier: GPL-2.0
/*
 * The vscsiif wire ABI seen from userspace: the same sizes, offsets, ring
 * geometry and result encoding as Xen's public header, checked at run time
 * against the values any stock peer was compiled with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <xen/interface/io/vscsiif.h>

static void test_struct_sizes(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct scsiif_request_segment), 8);
	assert_int_equal(sizeof(struct vscsiif_request), 252);
	assert_int_equal(sizeof(struct vscsiif_response), 252);
	assert_int_equal(VSCSIIF_SG_PER_PAGE, 512);
}

static void test_request_offsets(void **state)
{
	(void)state;
	assert_int_equal(offsetof(struct vscsiif_request, rqid), 0);
	assert_int_equal(offsetof(struct vscsiif_request, cmnd), 4);
	assert_int_equal(offsetof(struct vscsiif_request, channel), 22);
	assert_int_equal(offsetof(struct vscsiif_request, ref_rqid), 28);
	assert_int_equal(offsetof(struct vscsiif_request, nr_segments), 31);
	assert_int_equal(offsetof(struct vscsiif_request, seg), 32);
	assert_int_equal(offsetof(struct vscsiif_request, seg[25]), 232);
}

static void test_response_offsets(void **state)
{
	(void)state;
	assert_int_equal(offsetof(struct vscsiif_response, sense_len), 3);
	assert_int_equal(offsetof(struct vscsiif_response, sense_buffer), 4);
	assert_int_equal(offsetof(struct vscsiif_response, rslt), 100);
	assert_int_equal(offsetof(struct vscsiif_response, residual_len), 104);
}

static void test_ring_slots(void **state)
{
	static union {
		struct vscsiif_sring sring;
		unsigned char page[VSCSIIF_PAGE_SIZE];
	} shared;
	struct vscsiif_front_ring front;

	(void)state;
	SHARED_RING_INIT(&shared.sring);
	FRONT_RING_INIT(&front, &shared.sring, VSCSIIF_PAGE_SIZE);
	assert_int_equal(RING_SIZE(&front), VSCSIIF_RING_SLOTS_ONE_PAGE);
	assert_int_equal(__CONST_RING_SIZE(vscsiif, 2 * VSCSIIF_PAGE_SIZE), 32);
}

static void test_rslt_encoding(void **state)
{
	int32_t rslt = (XEN_VSCSIIF_RSLT_HOST_BAD_TARGET << 16) | 0x02;

	(void)state;
	assert_int_equal(XEN_VSCSIIF_RSLT_STATUS(rslt), 0x02);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST(rslt), 4);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST(XEN_VSCSIIF_RSLT_RESET_SUCCESS), 0);
	assert_int_equal(XEN_VSCSIIF_RSLT_STATUS(XEN_VSCSIIF_RSLT_RESET_FAILED), 0x03);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST_MEDIUM_ERROR, 19);
	assert_int_equal(XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL, 20);
}

static void test_flag_constants(void **state)
{
	(void)state;
	assert_int_equal(VSCSIIF_SG_GRANT, 0x80);
	assert_int_equal(VSCSIIF_SG_TABLESIZE, 26);
	assert_int_equal(VSCSIIF_ACT_SCSI_CDB, 1);
	assert_int_equal(VSCSIIF_ACT_SCSI_ABORT, 2);
	assert_int_equal(VSCSIIF_ACT_SCSI_RESET, 3);
	assert_int_equal(VSCSIIF_DIR_NONE, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_struct_sizes),
		cmocka_unit_test(test_request_offsets),
		cmocka_unit_test(test_response_offsets),
		cmocka_unit_test(test_ring_slots),
		cmocka_unit_test(test_rslt_encoding),
		cmocka_unit_test(test_flag_constants),
	};

	return cmocka_run_group_tests_name("abi", tests, NULL, NULL);
}
