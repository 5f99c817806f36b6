/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pvscsifront internals shared by the xenbus, ring and SCSI host parts.
 *
 * One vhost = one xenbus device = one Scsi_Host.  Its commands travel over
 * rings (one today; struct pvf_ring is self-contained so more can follow),
 * each with its own lock, in-flight table and event channel.
 */
#ifndef PVSCSIFRONT_H
#define PVSCSIFRONT_H

#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_host.h>
#include <xen/grant_table.h>
#include <xen/xenbus.h>
#include <xen/interface/io/vscsiif.h>

#include "vscsifront_rsp.h"

/* Command slots per ring: blk-mq tags 0..15 double as request ids. */
#define PVF_NR_SLOTS		VSCSIIF_RING_SLOTS_ONE_PAGE
/* Task management requests cycle through rqids 16..31. */
#define PVF_NR_TMF_IDS		16
/* A data grant per segment plus the indirect descriptor page. */
#define PVF_MAX_GRANTS		(VSCSIFRONT_MAX_SEGS + 1)

/* Bounded waits of the error handler. */
#define PVF_TMF_TIMEOUT		(20 * HZ)
#define PVF_RECLAIM_TIMEOUT	(5 * HZ)

/* One in-flight command. */
struct pvf_slot {
	struct scsi_cmnd *sc;		/* NULL while the slot is idle */
	unsigned int nr_grants;		/* grefs[0..nr_grants) are granted */
	grant_ref_t *grefs;		/* claimed at connect, reused */
	struct page **pages;		/* the page behind each granted gref */
	struct page *indirect;		/* descriptor page for SG_GRANT */
};

struct pvf_host;

struct pvf_ring {
	/*
	 * Protects front (request and response indexes), every slot's sc and
	 * grants, the tmf_* fields and broken.
	 */
	spinlock_t lock;
	struct vscsiif_front_ring front;
	grant_ref_t ring_ref;
	evtchn_port_t evtchn;
	int irq;
	struct pvf_host *host;
	struct pvf_slot *slots;		/* PVF_NR_SLOTS, indexed by tag */
	unsigned int max_segs;		/* negotiated segments per command */
	/* Woken on every consumed response: TMF and reclaim waiters. */
	wait_queue_head_t wq;
	u16 tmf_seq;		/* picks the next TMF rqid */
	u16 tmf_rqid;		/* the TMF awaited, if tmf_pending */
	bool tmf_pending;
	bool tmf_done;
	s32 tmf_rslt;
	/* Protocol violation or unrevocable grant: no more requests. */
	bool broken;
};

struct pvf_host {
	struct xenbus_device *dev;
	struct Scsi_Host *shost;
	struct pvf_ring ring;
	/* Backend feature-sg-grant value, 0 when not offered. */
	unsigned int feature_sg_grant;
	/* Serialises abort/reset: one TMF on the ring at a time. */
	struct mutex tmf_mutex;
	/* Serialises xenbus state handling against remove/suspend. */
	struct mutex state_mutex;
	bool host_added;		/* scsi_add_host done, not yet removed */
	bool slots_ready;		/* slots allocated for current backend */
	bool resuming;			/* restored, requests blocked until Connected */
};

/* pvscsifront_ring.c */
int pvf_ring_init(struct pvf_ring *ring, struct pvf_host *h);
void pvf_ring_free(struct pvf_ring *ring);
int pvf_slots_alloc(struct pvf_ring *ring, unsigned int max_segs);
void pvf_slots_free(struct pvf_ring *ring);
bool pvf_slot_revoke(struct pvf_ring *ring, struct pvf_slot *slot);
unsigned int pvf_ring_abandon(struct pvf_ring *ring, unsigned int host_byte);

/* pvscsifront_scsi.c */
extern struct scsi_host_template pvf_sht;
int pvf_submit_locked(struct pvf_ring *ring, struct scsi_cmnd *sc);
bool pvf_push_locked(struct pvf_ring *ring);
void pvf_complete(struct scsi_cmnd *sc);

#endif /* PVSCSIFRONT_H */
