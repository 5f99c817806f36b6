/* SPDX-License-Identifier: MIT */
/*
 * vscsiif.h - Xen paravirtual SCSI ring ABI used by pvscsifront/pvscsiback.
 *
 * Binary compatible with Xen's public io/vscsiif.h: the request and response
 * layouts, action codes, feature-sg-grant indirection and the 2022
 * XEN_VSCSIIF_RSLT_* result encoding are fixed by peers we do not control
 * (the stock xen-scsifront / xen-scsiback), so every size and offset below is
 * checked at compile time by vscsiif_abi_checks().
 *
 * This header is usable from the kernel and from userspace unit tests; the
 * ring macros come from the environment's Xen ring.h.
 */
#ifndef PVSCSI_XEN_INTERFACE_IO_VSCSIIF_H
#define PVSCSI_XEN_INTERFACE_IO_VSCSIIF_H

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <xen/interface/io/ring.h>
#include <xen/interface/grant_table.h>
#define VSCSIIF_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#include <stddef.h>
#include <stdint.h>
#include "vscsiif_user.h"
#define VSCSIIF_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/* Actions (vscsiif_request.act). */
#define VSCSIIF_ACT_SCSI_CDB		1	/* execute cmnd[] on channel:id:lun */
#define VSCSIIF_ACT_SCSI_ABORT		2	/* abort the request ref_rqid */
#define VSCSIIF_ACT_SCSI_RESET		3	/* reset the device channel:id:lun */
#define VSCSIIF_ACT_SCSI_SG_PRESET	4	/* obsolete; value stays reserved */

/* Segments carried directly in one request. */
#define VSCSIIF_SG_TABLESIZE		26

/*
 * nr_segments flag: seg[] points at granted pages full of further segment
 * descriptors; the low 7 bits count those pages.  Only allowed when the
 * backend wrote feature-sg-grant.
 */
#define VSCSIIF_SG_GRANT		0x80
#define VSCSIIF_SG_COUNT_MASK		0x7f

#define VSCSIIF_MAX_COMMAND_SIZE	16
#define VSCSIIF_SENSE_BUFFERSIZE	96
#define VSCSIIF_PAGE_SIZE		4096

/* sc_data_direction values, equal to Linux's enum dma_data_direction. */
#define VSCSIIF_DIR_BIDIRECTIONAL	0
#define VSCSIIF_DIR_TO_DEVICE		1
#define VSCSIIF_DIR_FROM_DEVICE		2
#define VSCSIIF_DIR_NONE		3

struct scsiif_request_segment {
	grant_ref_t gref;
	uint16_t offset;
	uint16_t length;
};

#define VSCSIIF_SG_PER_PAGE \
	(VSCSIIF_PAGE_SIZE / sizeof(struct scsiif_request_segment))

/* 252 bytes: sixteen requests fit one 4 KiB ring page. */
struct vscsiif_request {
	uint16_t rqid;			/* frontend cookie, echoed in the response */
	uint8_t act;			/* VSCSIIF_ACT_* */
	uint8_t cmd_len;		/* valid bytes in cmnd[] */
	uint8_t cmnd[VSCSIIF_MAX_COMMAND_SIZE];
	uint16_t timeout_per_command;	/* obsolete, ignored */
	uint16_t channel, id, lun;	/* virtual c:t:l */
	uint16_t ref_rqid;		/* request to abort (ACT_SCSI_ABORT) */
	uint8_t sc_data_direction;	/* VSCSIIF_DIR_* */
	uint8_t nr_segments;		/* count, maybe | VSCSIIF_SG_GRANT */
	struct scsiif_request_segment seg[VSCSIIF_SG_TABLESIZE];
	uint32_t reserved[3];
};

/* 252 bytes as well. */
struct vscsiif_response {
	uint16_t rqid;			/* the request this answers */
	uint8_t act;			/* obsolete */
	uint8_t sense_len;		/* valid bytes in sense_buffer[] */
	uint8_t sense_buffer[VSCSIIF_SENSE_BUFFERSIZE];
	int32_t rslt;			/* XEN_VSCSIIF_RSLT_* encoding */
	uint32_t residual_len;		/* bytes not transferred */
	uint32_t reserved[36];
};

/* rslt: SCSI status in bits 0-7, host byte in bits 16-23. */
#define XEN_VSCSIIF_RSLT_STATUS(x)	((x) & 0x00ff)
#define XEN_VSCSIIF_RSLT_HOST(x)	(((x) & 0x00ff0000) >> 16)

#define XEN_VSCSIIF_RSLT_HOST_OK			0
#define XEN_VSCSIIF_RSLT_HOST_NO_CONNECT		1
#define XEN_VSCSIIF_RSLT_HOST_BUS_BUSY			2
#define XEN_VSCSIIF_RSLT_HOST_TIME_OUT			3
#define XEN_VSCSIIF_RSLT_HOST_BAD_TARGET		4
#define XEN_VSCSIIF_RSLT_HOST_ABORT			5
#define XEN_VSCSIIF_RSLT_HOST_PARITY			6
#define XEN_VSCSIIF_RSLT_HOST_ERROR			7
#define XEN_VSCSIIF_RSLT_HOST_RESET			8
#define XEN_VSCSIIF_RSLT_HOST_BAD_INTR			9
#define XEN_VSCSIIF_RSLT_HOST_PASSTHROUGH		10
#define XEN_VSCSIIF_RSLT_HOST_SOFT_ERROR		11
#define XEN_VSCSIIF_RSLT_HOST_IMM_RETRY			12
#define XEN_VSCSIIF_RSLT_HOST_REQUEUE			13
#define XEN_VSCSIIF_RSLT_HOST_TRANSPORT_DISRUPTED	14
#define XEN_VSCSIIF_RSLT_HOST_TRANSPORT_FAILFAST	15
#define XEN_VSCSIIF_RSLT_HOST_TARGET_FAILURE		16
#define XEN_VSCSIIF_RSLT_HOST_NEXUS_FAILURE		17
#define XEN_VSCSIIF_RSLT_HOST_ALLOC_FAILURE		18
#define XEN_VSCSIIF_RSLT_HOST_MEDIUM_ERROR		19
#define XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL	20
#define XEN_VSCSIIF_RSLT_HOST_MAX			20

/* Answers to ACT_SCSI_ABORT and ACT_SCSI_RESET. */
#define XEN_VSCSIIF_RSLT_RESET_SUCCESS	0x2002
#define XEN_VSCSIIF_RSLT_RESET_FAILED	0x2003

DEFINE_RING_TYPES(vscsiif, struct vscsiif_request, struct vscsiif_response);

/* Slots in the classic one-page ring: the stock peers' fixed queue depth. */
#define VSCSIIF_RING_SLOTS_ONE_PAGE	16

/* ------------------------------------------------------------------------
 * xen-pvscsi extensions.
 *
 * Nothing below changes the wire layout above.  Each extension is announced
 * by one side in xenstore and used only when the other side acknowledges it,
 * so a stock xen-scsifront or xen-scsiback never sees it.  Node names follow
 * blkif's conventions:
 *
 *   backend  max-ring-page-order     log2 of ring pages the backend accepts
 *   frontend ring-page-order         chosen order; ring-ref0..N-1 replace ring-ref
 *   backend  multi-queue-max-queues  rings the backend serves per vhost
 *   frontend multi-queue-num-queues  rings used; queue-N/{ring-ref,event-channel}
 *   backend  feature-persistent      grants may stay mapped across requests
 *   frontend feature-persistent      the frontend reuses grants
 * ------------------------------------------------------------------------
 */
#define VSCSIIF_XS_MAX_RING_PAGE_ORDER	"max-ring-page-order"
#define VSCSIIF_XS_RING_PAGE_ORDER	"ring-page-order"
#define VSCSIIF_XS_MAX_QUEUES		"multi-queue-max-queues"
#define VSCSIIF_XS_NUM_QUEUES		"multi-queue-num-queues"
#define VSCSIIF_XS_PERSISTENT		"feature-persistent"
#define VSCSIIF_XS_SG_GRANT		"feature-sg-grant"
#define VSCSIIF_XS_FEATURE_HOST		"feature-host"

/* Compile-time proof of binary compatibility with the public header. */
#define VSCSIIF_CHECK_OFFSET(type, field, off) \
	VSCSIIF_STATIC_ASSERT(offsetof(struct type, field) == (off), \
			      #type "." #field " offset")

VSCSIIF_STATIC_ASSERT(sizeof(struct scsiif_request_segment) == 8, "segment size");
VSCSIIF_STATIC_ASSERT(sizeof(struct vscsiif_request) == 252, "request size");
VSCSIIF_STATIC_ASSERT(sizeof(struct vscsiif_response) == 252, "response size");
VSCSIIF_STATIC_ASSERT(VSCSIIF_SG_PER_PAGE == 512, "segments per page");
VSCSIIF_CHECK_OFFSET(vscsiif_request, act, 2);
VSCSIIF_CHECK_OFFSET(vscsiif_request, cmd_len, 3);
VSCSIIF_CHECK_OFFSET(vscsiif_request, cmnd, 4);
VSCSIIF_CHECK_OFFSET(vscsiif_request, timeout_per_command, 20);
VSCSIIF_CHECK_OFFSET(vscsiif_request, channel, 22);
VSCSIIF_CHECK_OFFSET(vscsiif_request, id, 24);
VSCSIIF_CHECK_OFFSET(vscsiif_request, lun, 26);
VSCSIIF_CHECK_OFFSET(vscsiif_request, ref_rqid, 28);
VSCSIIF_CHECK_OFFSET(vscsiif_request, sc_data_direction, 30);
VSCSIIF_CHECK_OFFSET(vscsiif_request, nr_segments, 31);
VSCSIIF_CHECK_OFFSET(vscsiif_request, seg, 32);
VSCSIIF_CHECK_OFFSET(vscsiif_request, reserved, 240);
VSCSIIF_CHECK_OFFSET(vscsiif_response, sense_len, 3);
VSCSIIF_CHECK_OFFSET(vscsiif_response, sense_buffer, 4);
VSCSIIF_CHECK_OFFSET(vscsiif_response, rslt, 100);
VSCSIIF_CHECK_OFFSET(vscsiif_response, residual_len, 104);
VSCSIIF_CHECK_OFFSET(vscsiif_response, reserved, 108);
VSCSIIF_STATIC_ASSERT(__CONST_RING_SIZE(vscsiif, VSCSIIF_PAGE_SIZE) ==
		      VSCSIIF_RING_SLOTS_ONE_PAGE, "one-page ring slots");

#endif /* PVSCSI_XEN_INTERFACE_IO_VSCSIIF_H */
