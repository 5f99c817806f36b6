/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel-independent request validation and result encoding for pvscsiback.
 *
 * Everything here works on a private copy of a request the guest wrote, so
 * the checks cannot be raced; it is unit-tested in userspace (tests/unit).
 */
#ifndef PVSCSIBACK_VSCSIBACK_REQ_H
#define PVSCSIBACK_VSCSIBACK_REQ_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/errno.h>
#else
#include <stdint.h>
#include <stdbool.h>
#include <errno.h>
#endif
#include <xen/interface/io/vscsiif.h>

/* Bounds on the negotiated feature-sg-grant (one bio carries a request). */
#define VSCSIBACK_MIN_SEGS	VSCSIIF_SG_TABLESIZE
#define VSCSIBACK_MAX_SEGS	256

/* The only REPORT LUNS opcode we emulate. */
#define VSCSIBACK_OP_REPORT_LUNS	0xa0

/*
 * Checks the fixed part of a copied request: act, cmd_len, direction and the
 * segment/indirect-page counts against @max_segs.  Returns 0 or -EINVAL and
 * points *@why at a short reason for the (ratelimited) log.
 */
int vscsiback_check_req(const struct vscsiif_request *req, uint32_t max_segs,
			const char **why);

/* Number of seg[] slots the request uses (indirect pages or data segments). */
uint32_t vscsiback_req_nr_slots(const struct vscsiif_request *req);

/* True when seg[] points at pages of further segment descriptors. */
bool vscsiback_req_indirect(const struct vscsiif_request *req);

/*
 * Data segments described by the request's indirect pages, once
 * vscsiback_check_req() accepted it.
 */
uint32_t vscsiback_req_indirect_segs(const struct vscsiif_request *req);

/*
 * Checks @n data segments (offset+length inside one page, no empty segment,
 * at most @max_segs) and sums their length into *@total.
 */
int vscsiback_check_data_segs(const struct scsiif_request_segment *segs,
			      uint32_t n, uint32_t max_segs, uint32_t *total);

/*
 * Ring producer overrun check: a frontend may never run further ahead of
 * our private response producer than the ring has slots.
 */
bool vscsiback_ring_prod_ok(uint32_t req_prod, uint32_t rsp_prod_pvt,
			    uint32_t ring_size);

/* Maps a Linux host byte (DID_*) onto XEN_VSCSIIF_RSLT_HOST_*. */
uint8_t vscsiback_host_byte(uint8_t linux_host);

/* Encodes a Linux scsi_cmnd result for the wire. */
int32_t vscsiback_encode_rslt(uint32_t linux_result);

/* Sense bytes that fit the response. */
uint8_t vscsiback_sense_len(uint32_t len);

/* Residual that never claims more than was asked for. */
uint32_t vscsiback_residual(uint32_t resid, uint32_t data_len);

/*
 * Parses "h:c:t:l" (decimal, nothing else) into @v.  Returns 0 or -EINVAL.
 */
int vscsiback_parse_hctl(const char *s, uint32_t v[4]);

/* Allocation length of a REPORT LUNS CDB (bytes 6..9, big endian). */
uint32_t vscsiback_report_luns_alloc(const uint8_t *cdb, uint8_t cmd_len);

/*
 * Builds REPORT LUNS parameter data for @n sorted LUN numbers into @buf
 * (@len bytes).  Returns the full length the data needs (8 + 8 * n), of which
 * at most @len bytes were written.
 */
uint32_t vscsiback_report_luns(uint8_t *buf, uint32_t len,
			       const uint16_t *luns, uint32_t n);

#endif /* PVSCSIBACK_VSCSIBACK_REQ_H */
