/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel-independent pvscsifront logic: response validation, result
 * decoding and segment math.  Built into the module and unit-tested in
 * userspace, so it uses only fixed-width types.
 */
#ifndef PVSCSIFRONT_VSCSIFRONT_RSP_H
#define PVSCSIFRONT_VSCSIFRONT_RSP_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/errno.h>
#else
#include <stdint.h>
#include <stdbool.h>
#include <errno.h>
#endif

/* Our cap on data segments per command: one indirect page of descriptors. */
#define VSCSIFRONT_MAX_SEGS		512

/*
 * Linux host byte values (DID_*).  They are part of the SG_IO userspace
 * ABI; the module checks at build time that they match <scsi/scsi_status.h>.
 */
#define VSCSIFRONT_DID_OK			0x00
#define VSCSIFRONT_DID_NO_CONNECT		0x01
#define VSCSIFRONT_DID_BUS_BUSY			0x02
#define VSCSIFRONT_DID_TIME_OUT			0x03
#define VSCSIFRONT_DID_BAD_TARGET		0x04
#define VSCSIFRONT_DID_ABORT			0x05
#define VSCSIFRONT_DID_PARITY			0x06
#define VSCSIFRONT_DID_ERROR			0x07
#define VSCSIFRONT_DID_RESET			0x08
#define VSCSIFRONT_DID_BAD_INTR			0x09
#define VSCSIFRONT_DID_PASSTHROUGH		0x0a
#define VSCSIFRONT_DID_SOFT_ERROR		0x0b
#define VSCSIFRONT_DID_IMM_RETRY		0x0c
#define VSCSIFRONT_DID_REQUEUE			0x0d
#define VSCSIFRONT_DID_TRANSPORT_DISRUPTED	0x0e
#define VSCSIFRONT_DID_TRANSPORT_FAILFAST	0x0f
#define VSCSIFRONT_DID_TRANSPORT_MARGINAL	0x14

/* What a response's rqid names, given the frontend's id space. */
enum vscsifront_rqid_kind {
	VSCSIFRONT_RQID_BAD,	/* names nothing we could have sent */
	VSCSIFRONT_RQID_CMD,	/* a SCSI command slot (blk-mq tag) */
	VSCSIFRONT_RQID_TMF,	/* a task management request */
};

enum vscsifront_rqid_kind vscsifront_rqid_kind(uint16_t rqid,
					       unsigned int nr_cmd,
					       unsigned int nr_tmf);

/* A response's claims, checked against the command it answers. */
int vscsifront_rsp_check(uint8_t sense_len, uint32_t residual_len,
			 uint32_t xfer_len);

/* Responses the backend may produce now: never more than it was sent. */
bool vscsifront_rsp_count_ok(uint32_t rsp_prod, uint32_t rsp_cons,
			     uint32_t req_prod_pvt);

uint8_t vscsifront_rslt_host(int32_t rslt);
uint8_t vscsifront_rslt_status(int32_t rslt);
bool vscsifront_tmf_succeeded(int32_t rslt);

/* Segments per command for a backend's feature-sg-grant value. */
unsigned int vscsifront_max_segs(unsigned int sg_grant);
unsigned int vscsifront_max_sectors(unsigned int max_segs,
				    unsigned int page_size);

/* How nr_data segments are described in one request. */
struct vscsifront_seg_layout {
	uint8_t nr_segments;	/* the request's wire value */
	uint8_t nr_indirect;	/* descriptor pages in seg[] */
};

int vscsifront_seg_layout(unsigned int nr_data, unsigned int max_segs,
			  struct vscsifront_seg_layout *out);
uint16_t vscsifront_indirect_len(unsigned int nr_data, unsigned int page);

#endif /* PVSCSIFRONT_VSCSIFRONT_RSP_H */
