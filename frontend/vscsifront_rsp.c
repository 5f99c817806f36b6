// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel-independent pvscsifront logic.  Everything here judges values
 * that came from the backend, so nothing assumes they are sane.
 */
#include "vscsifront_rsp.h"
#include <xen/interface/io/vscsiif.h>

enum vscsifront_rqid_kind vscsifront_rqid_kind(uint16_t rqid,
					       unsigned int nr_cmd,
					       unsigned int nr_tmf)
{
	if (rqid < nr_cmd)
		return VSCSIFRONT_RQID_CMD;
	if (rqid - nr_cmd < nr_tmf)
		return VSCSIFRONT_RQID_TMF;
	return VSCSIFRONT_RQID_BAD;
}

int vscsifront_rsp_check(uint8_t sense_len, uint32_t residual_len,
			 uint32_t xfer_len)
{
	if (sense_len > VSCSIIF_SENSE_BUFFERSIZE)
		return -EPROTO;
	if (residual_len > xfer_len)
		return -EPROTO;
	return 0;
}

/* Unsigned ring arithmetic: indexes wrap, differences do not lie. */
bool vscsifront_rsp_count_ok(uint32_t rsp_prod, uint32_t rsp_cons,
			     uint32_t req_prod_pvt)
{
	return rsp_prod - rsp_cons <= req_prod_pvt - rsp_cons;
}

/*
 * The 2022 encoding put the Xen host codes where Linux's host byte was;
 * older backends sent a raw Linux result there, with a driver byte above
 * that we ignore.  Codes 16-19 were dropped from Linux and mean an error.
 */
uint8_t vscsifront_rslt_host(int32_t rslt)
{
	uint32_t host = XEN_VSCSIIF_RSLT_HOST((uint32_t)rslt);

	if (host <= XEN_VSCSIIF_RSLT_HOST_TRANSPORT_FAILFAST)
		return (uint8_t)host;
	if (host == XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL)
		return VSCSIFRONT_DID_TRANSPORT_MARGINAL;
	return VSCSIFRONT_DID_ERROR;
}

uint8_t vscsifront_rslt_status(int32_t rslt)
{
	return (uint8_t)XEN_VSCSIIF_RSLT_STATUS((uint32_t)rslt);
}

bool vscsifront_tmf_succeeded(int32_t rslt)
{
	return rslt == XEN_VSCSIIF_RSLT_RESET_SUCCESS;
}

/* Without a usable feature-sg-grant only seg[] itself carries data. */
unsigned int vscsifront_max_segs(unsigned int sg_grant)
{
	if (sg_grant <= VSCSIIF_SG_TABLESIZE)
		return VSCSIIF_SG_TABLESIZE;
	if (sg_grant > VSCSIFRONT_MAX_SEGS)
		return VSCSIFRONT_MAX_SEGS;
	return sg_grant;
}

unsigned int vscsifront_max_sectors(unsigned int max_segs,
				    unsigned int page_size)
{
	return max_segs * (page_size / 512);
}

int vscsifront_seg_layout(unsigned int nr_data, unsigned int max_segs,
			  struct vscsifront_seg_layout *out)
{
	unsigned int pages;

	if (nr_data > max_segs || max_segs > VSCSIFRONT_MAX_SEGS)
		return -EINVAL;
	if (nr_data <= VSCSIIF_SG_TABLESIZE) {
		out->nr_segments = (uint8_t)nr_data;
		out->nr_indirect = 0;
		return 0;
	}
	pages = (nr_data + VSCSIIF_SG_PER_PAGE - 1) / VSCSIIF_SG_PER_PAGE;
	out->nr_segments = (uint8_t)(VSCSIIF_SG_GRANT | pages);
	out->nr_indirect = (uint8_t)pages;
	return 0;
}

/* Bytes of descriptors held by indirect page @page of a command. */
uint16_t vscsifront_indirect_len(unsigned int nr_data, unsigned int page)
{
	unsigned int first = page * VSCSIIF_SG_PER_PAGE;
	unsigned int n;

	if (nr_data <= first)
		return 0;
	n = nr_data - first;
	if (n > VSCSIIF_SG_PER_PAGE)
		n = VSCSIIF_SG_PER_PAGE;
	return (uint16_t)(n * sizeof(struct scsiif_request_segment));
}
