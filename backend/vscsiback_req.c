// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel-independent request validation and result encoding for pvscsiback.
 * See vscsiback_req.h; the callers hold a private copy of each request.
 */
#include "vscsiback_req.h"

#define SEG_SIZE	((uint32_t)sizeof(struct scsiif_request_segment))

bool vscsiback_req_indirect(const struct vscsiif_request *req)
{
	return req->nr_segments & VSCSIIF_SG_GRANT;
}

uint32_t vscsiback_req_nr_slots(const struct vscsiif_request *req)
{
	if (vscsiback_req_indirect(req))
		return req->nr_segments & VSCSIIF_SG_COUNT_MASK;
	return req->nr_segments;
}

static bool seg_in_page(const struct scsiif_request_segment *seg)
{
	return seg->length && (uint32_t)seg->offset + seg->length <=
		VSCSIIF_PAGE_SIZE;
}

uint32_t vscsiback_req_indirect_segs(const struct vscsiif_request *req)
{
	uint32_t i, n = 0;

	for (i = 0; i < vscsiback_req_nr_slots(req); i++)
		n += req->seg[i].length / SEG_SIZE;
	return n;
}

/* Indirect pages: whole, aligned descriptors, no more than negotiated. */
static int check_indirect(const struct vscsiif_request *req,
			  uint32_t max_segs, const char **why)
{
	uint32_t i, nr = vscsiback_req_nr_slots(req);

	if (!nr || nr > VSCSIIF_SG_TABLESIZE) {
		*why = "bad indirect page count";
		return -EINVAL;
	}
	for (i = 0; i < nr; i++) {
		const struct scsiif_request_segment *seg = &req->seg[i];

		if (!seg_in_page(seg) || seg->offset % SEG_SIZE ||
		    seg->length % SEG_SIZE) {
			*why = "bad indirect segment";
			return -EINVAL;
		}
	}
	if (vscsiback_req_indirect_segs(req) > max_segs) {
		*why = "too many indirect segments";
		return -EINVAL;
	}
	return 0;
}

static int check_direct(const struct vscsiif_request *req, uint32_t max_segs,
			const char **why)
{
	uint32_t total;

	if (req->nr_segments > VSCSIIF_SG_TABLESIZE) {
		*why = "too many segments";
		return -EINVAL;
	}
	if (vscsiback_check_data_segs(req->seg, req->nr_segments, max_segs,
				      &total)) {
		*why = "bad data segment";
		return -EINVAL;
	}
	return 0;
}

static int check_cdb(const struct vscsiif_request *req, uint32_t max_segs,
		     const char **why)
{
	if (!req->cmd_len || req->cmd_len > VSCSIIF_MAX_COMMAND_SIZE) {
		*why = "bad cmd_len";
		return -EINVAL;
	}
	switch (req->sc_data_direction) {
	case VSCSIIF_DIR_NONE:
		if (req->nr_segments) {
			*why = "segments without data direction";
			return -EINVAL;
		}
		return 0;
	case VSCSIIF_DIR_TO_DEVICE:
	case VSCSIIF_DIR_FROM_DEVICE:
		break;
	default:
		*why = "bad data direction";
		return -EINVAL;
	}
	if (vscsiback_req_indirect(req))
		return check_indirect(req, max_segs, why);
	return check_direct(req, max_segs, why);
}

int vscsiback_check_req(const struct vscsiif_request *req, uint32_t max_segs,
			const char **why)
{
	*why = NULL;
	switch (req->act) {
	case VSCSIIF_ACT_SCSI_CDB:
		return check_cdb(req, max_segs, why);
	case VSCSIIF_ACT_SCSI_ABORT:
	case VSCSIIF_ACT_SCSI_RESET:
		return 0;
	default:
		*why = "bad act";
		return -EINVAL;
	}
}

int vscsiback_check_data_segs(const struct scsiif_request_segment *segs,
			      uint32_t n, uint32_t max_segs, uint32_t *total)
{
	uint32_t i;

	*total = 0;
	if (n > max_segs)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!seg_in_page(&segs[i]))
			return -EINVAL;
		*total += segs[i].length;
	}
	return 0;
}

bool vscsiback_ring_prod_ok(uint32_t req_prod, uint32_t rsp_prod_pvt,
			    uint32_t ring_size)
{
	/* Unsigned difference: correct across index wrap-around. */
	return req_prod - rsp_prod_pvt <= ring_size;
}

/*
 * Linux host bytes (include/scsi/scsi_status.h DID_*): 0x00 OK .. 0x14
 * TRANSPORT_MARGINAL, in the same order as the wire codes.  The module checks
 * this at build time; a host byte a newer kernel adds becomes HOST_ERROR.
 */
uint8_t vscsiback_host_byte(uint8_t linux_host)
{
	if (linux_host > XEN_VSCSIIF_RSLT_HOST_MAX)
		return XEN_VSCSIIF_RSLT_HOST_ERROR;
	return linux_host;
}

int32_t vscsiback_encode_rslt(uint32_t linux_result)
{
	uint8_t host = vscsiback_host_byte((linux_result >> 16) & 0xff);

	return (int32_t)(((uint32_t)host << 16) | (linux_result & 0xff));
}

uint8_t vscsiback_sense_len(uint32_t len)
{
	return len > VSCSIIF_SENSE_BUFFERSIZE ? VSCSIIF_SENSE_BUFFERSIZE : len;
}

uint32_t vscsiback_residual(uint32_t resid, uint32_t data_len)
{
	return resid > data_len ? data_len : resid;
}

/* One decimal field ending at @end; rejects empty fields and overflow. */
static const char *parse_field(const char *s, char end, uint32_t *v)
{
	uint64_t acc = 0;
	const char *p = s;

	while (*p >= '0' && *p <= '9') {
		acc = acc * 10 + (uint64_t)(*p - '0');
		if (acc > 0xffffffffu)
			return NULL;
		p++;
	}
	if (p == s || *p != end)
		return NULL;
	*v = (uint32_t)acc;
	return p + 1;
}

int vscsiback_parse_hctl(const char *s, uint32_t v[4])
{
	static const char ends[4] = { ':', ':', ':', '\0' };
	int i;

	for (i = 0; i < 4; i++) {
		s = parse_field(s, ends[i], &v[i]);
		if (!s)
			return -EINVAL;
	}
	return 0;
}

uint32_t vscsiback_report_luns_alloc(const uint8_t *cdb, uint8_t cmd_len)
{
	if (cmd_len < 10)
		return 0;
	return (uint32_t)cdb[6] << 24 | (uint32_t)cdb[7] << 16 |
	       (uint32_t)cdb[8] << 8 | cdb[9];
}

static void put_byte(uint8_t *buf, uint32_t len, uint32_t pos, uint8_t b)
{
	if (pos < len)
		buf[pos] = b;
}

/* SAM LUN: peripheral addressing below 256, flat space up to 16383. */
static void put_lun(uint8_t *buf, uint32_t len, uint32_t pos, uint16_t lun)
{
	uint32_t i;

	for (i = 0; i < 8; i++)
		put_byte(buf, len, pos + i, 0);
	if (lun < 256) {
		put_byte(buf, len, pos + 1, (uint8_t)lun);
		return;
	}
	put_byte(buf, len, pos, (uint8_t)(0x40 | ((lun >> 8) & 0x3f)));
	put_byte(buf, len, pos + 1, (uint8_t)(lun & 0xff));
}

uint32_t vscsiback_report_luns(uint8_t *buf, uint32_t len,
			       const uint16_t *luns, uint32_t n)
{
	uint32_t i, list = 8 * n;

	for (i = 0; i < 4; i++)
		put_byte(buf, len, i, (uint8_t)(list >> (24 - 8 * i)));
	for (i = 4; i < 8; i++)
		put_byte(buf, len, i, 0);
	for (i = 0; i < n; i++)
		put_lun(buf, len, 8 + 8 * i, luns[i]);
	return 8 + list;
}
