// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsifront SCSI host: blk-mq queuecommand onto the vscsiif ring and
 * the error handler's abort/reset requests.  The blk-mq tag of a command
 * is its request id; only the ring lock is taken on the I/O path, and
 * the backend is kicked outside it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/blk-mq.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_eh.h>
#include <scsi/scsi_status.h>
#include <xen/events.h>
#include <xen/page.h>

#include "pvscsifront.h"

static_assert(VSCSIFRONT_DID_ERROR == DID_ERROR);
static_assert(VSCSIFRONT_DID_TRANSPORT_FAILFAST == DID_TRANSPORT_FAILFAST);
static_assert(VSCSIFRONT_DID_TRANSPORT_MARGINAL == DID_TRANSPORT_MARGINAL);
static_assert(VSCSIIF_DIR_TO_DEVICE == DMA_TO_DEVICE);
static_assert(VSCSIIF_DIR_FROM_DEVICE == DMA_FROM_DEVICE);
static_assert(VSCSIIF_DIR_NONE == DMA_NONE);
static_assert(VSCSIFRONT_MAX_SEGS <= VSCSIIF_SG_PER_PAGE);
static_assert(XEN_PAGE_SIZE == PAGE_SIZE);

void pvf_complete(struct scsi_cmnd *sc)
{
	scsi_done(sc);
}

static grant_ref_t pvf_grant(struct pvf_ring *ring, struct pvf_slot *slot,
			     struct page *page, bool readonly)
{
	grant_ref_t ref = slot->grefs[slot->nr_grants];

	gnttab_page_grant_foreign_access_ref_one(ref,
						 ring->host->dev->otherend_id,
						 page, readonly);
	slot->pages[slot->nr_grants++] = page;
	return ref;
}

/* One descriptor per scatterlist entry; each lies within one page. */
static int pvf_map_sg(struct pvf_ring *ring, struct pvf_slot *slot,
		      struct scsi_cmnd *sc, struct scsiif_request_segment *segs)
{
	bool readonly = sc->sc_data_direction == DMA_TO_DEVICE;
	struct scatterlist *sg;
	int i;

	scsi_for_each_sg(sc, sg, scsi_sg_count(sc), i) {
		struct page *page = nth_page(sg_page(sg),
					     sg->offset >> PAGE_SHIFT);
		unsigned int off = offset_in_page(sg->offset);

		if (off + sg->length > PAGE_SIZE)
			return -EINVAL;
		segs[i].gref = pvf_grant(ring, slot, page, readonly);
		segs[i].offset = off;
		segs[i].length = sg->length;
	}
	return 0;
}

static int pvf_map_data(struct pvf_ring *ring, struct pvf_slot *slot,
			struct scsi_cmnd *sc, struct vscsiif_request *req)
{
	struct scsiif_request_segment *segs = req->seg;
	unsigned int nr = scsi_sg_count(sc);
	struct vscsifront_seg_layout lay;

	if (vscsifront_seg_layout(nr, ring->max_segs, &lay))
		return -EINVAL;
	req->nr_segments = lay.nr_segments;
	if (lay.nr_indirect) {
		segs = page_address(slot->indirect);
		req->seg[0].gref = pvf_grant(ring, slot, slot->indirect, true);
		req->seg[0].offset = 0;
		req->seg[0].length = vscsifront_indirect_len(nr, 0);
	}
	return pvf_map_sg(ring, slot, sc, segs);
}

static void pvf_ring_put(struct pvf_ring *ring,
			 const struct vscsiif_request *req)
{
	memcpy(RING_GET_REQUEST(&ring->front, ring->front.req_prod_pvt), req,
	       sizeof(*req));
	ring->front.req_prod_pvt++;
}

bool pvf_push_locked(struct pvf_ring *ring)
{
	int notify;

	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&ring->front, notify);
	return notify;
}

static void pvf_req_init(struct vscsiif_request *req, struct scsi_device *sdev,
			 u16 rqid, u8 act)
{
	memset(req, 0, sizeof(*req));
	req->rqid = rqid;
	req->act = act;
	req->channel = sdev->channel;
	req->id = sdev->id;
	req->lun = sdev->lun;
	req->sc_data_direction = VSCSIIF_DIR_NONE;
}

/* -EBUSY: retry later; -ENOTCONN / -EIO: fail the command. */
int pvf_submit_locked(struct pvf_ring *ring, struct scsi_cmnd *sc)
{
	u32 tag = scsi_cmd_to_rq(sc)->tag;
	struct vscsiif_request req;
	struct pvf_slot *slot;

	if (ring->broken || !ring->slots)
		return -ENOTCONN;
	if (tag >= PVF_NR_SLOTS || ring->slots[tag].sc ||
	    sc->cmd_len > VSCSIIF_MAX_COMMAND_SIZE)
		return -EIO;
	if (RING_FULL(&ring->front))
		return -EBUSY;
	slot = &ring->slots[tag];
	pvf_req_init(&req, sc->device, tag, VSCSIIF_ACT_SCSI_CDB);
	req.cmd_len = sc->cmd_len;
	memcpy(req.cmnd, sc->cmnd, sc->cmd_len);
	req.sc_data_direction = sc->sc_data_direction;
	if (scsi_sg_count(sc) && pvf_map_data(ring, slot, sc, &req)) {
		pvf_slot_revoke(ring, slot);
		return -EIO;
	}
	slot->sc = sc;
	pvf_ring_put(ring, &req);
	return 0;
}

static int pvf_queuecommand(struct Scsi_Host *shost, struct scsi_cmnd *sc)
{
	struct pvf_host *h = shost_priv(shost);
	struct pvf_ring *ring = &h->ring;
	unsigned long flags;
	bool notify = false;
	int err;

	spin_lock_irqsave(&ring->lock, flags);
	err = pvf_submit_locked(ring, sc);
	/* A failed command ends the batch early: push what came before. */
	if (err || (sc->flags & SCMD_LAST))
		notify = pvf_push_locked(ring);
	spin_unlock_irqrestore(&ring->lock, flags);
	if (notify)
		notify_remote_via_irq(ring->irq);

	switch (err) {
	case 0:
		return 0;
	case -EBUSY:
		return SCSI_MLQUEUE_HOST_BUSY;
	case -ENOTCONN:
		sc->result = DID_NO_CONNECT << 16;
		break;
	default:
		sc->result = DID_ERROR << 16;
		break;
	}
	scsi_done(sc);
	return 0;
}

static void pvf_commit_rqs(struct Scsi_Host *shost, u16 hwq)
{
	struct pvf_host *h = shost_priv(shost);
	struct pvf_ring *ring = &h->ring;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&ring->lock, flags);
	notify = pvf_push_locked(ring);
	spin_unlock_irqrestore(&ring->lock, flags);
	if (notify)
		notify_remote_via_irq(ring->irq);
}

static bool pvf_ring_has_room(struct pvf_ring *ring)
{
	unsigned long flags;
	bool room;

	spin_lock_irqsave(&ring->lock, flags);
	room = ring->broken || !RING_FULL(&ring->front);
	spin_unlock_irqrestore(&ring->lock, flags);
	return room;
}

static bool pvf_tmf_finished(struct pvf_ring *ring)
{
	unsigned long flags;
	bool finished;

	spin_lock_irqsave(&ring->lock, flags);
	finished = ring->broken || ring->tmf_done;
	spin_unlock_irqrestore(&ring->lock, flags);
	return finished;
}

static bool pvf_tmf_send(struct pvf_ring *ring, struct scsi_device *sdev,
			 u8 act, u16 ref_rqid)
{
	struct vscsiif_request req;
	unsigned long flags;
	bool notify;

	spin_lock_irqsave(&ring->lock, flags);
	if (ring->broken || RING_FULL(&ring->front)) {
		spin_unlock_irqrestore(&ring->lock, flags);
		return false;
	}
	ring->tmf_rqid = PVF_NR_SLOTS + ring->tmf_seq++ % PVF_NR_TMF_IDS;
	pvf_req_init(&req, sdev, ring->tmf_rqid, act);
	req.ref_rqid = ref_rqid;
	ring->tmf_pending = true;
	ring->tmf_done = false;
	pvf_ring_put(ring, &req);
	notify = pvf_push_locked(ring);
	spin_unlock_irqrestore(&ring->lock, flags);
	if (notify)
		notify_remote_via_irq(ring->irq);
	return true;
}

/* Sends one abort/reset and waits, bounded, for the backend's verdict. */
static bool pvf_tmf(struct pvf_ring *ring, struct scsi_device *sdev, u8 act,
		    u16 ref_rqid)
{
	unsigned long flags;
	bool ok;

	if (!wait_event_timeout(ring->wq, pvf_ring_has_room(ring),
				PVF_TMF_TIMEOUT))
		return false;
	if (!pvf_tmf_send(ring, sdev, act, ref_rqid))
		return false;
	wait_event_timeout(ring->wq, pvf_tmf_finished(ring), PVF_TMF_TIMEOUT);

	spin_lock_irqsave(&ring->lock, flags);
	ok = ring->tmf_done && vscsifront_tmf_succeeded(ring->tmf_rslt);
	ring->tmf_pending = false;
	spin_unlock_irqrestore(&ring->lock, flags);
	sdev_printk(KERN_INFO, sdev, "%s request %s\n",
		    act == VSCSIIF_ACT_SCSI_ABORT ? "abort" : "reset",
		    ok ? "succeeded" : "failed");
	return ok;
}

static bool pvf_slot_matches(const struct pvf_slot *slot,
			     struct scsi_device *sdev, struct scsi_cmnd *sc)
{
	if (!slot->sc)
		return false;
	return sc ? slot->sc == sc : slot->sc->device == sdev;
}

static bool pvf_busy(struct pvf_ring *ring, struct scsi_device *sdev,
		     struct scsi_cmnd *sc)
{
	unsigned long flags;
	bool busy = false;
	unsigned int i;

	spin_lock_irqsave(&ring->lock, flags);
	for (i = 0; ring->slots && i < PVF_NR_SLOTS; i++)
		busy |= pvf_slot_matches(&ring->slots[i], sdev, sc);
	spin_unlock_irqrestore(&ring->lock, flags);
	return busy;
}

/*
 * After the backend acknowledged an abort/reset it owes us nothing for
 * the commands concerned: give late responses a moment, then end their
 * grants ourselves.  Without that acknowledgment the commands still
 * belong to the backend and the error handler must escalate.
 */
static int pvf_reclaim(struct pvf_ring *ring, struct scsi_device *sdev,
		       struct scsi_cmnd *sc, bool acked)
{
	unsigned long flags;
	unsigned int i;
	bool ok = true;

	wait_event_timeout(ring->wq, !pvf_busy(ring, sdev, sc),
			   PVF_RECLAIM_TIMEOUT);
	if (!pvf_busy(ring, sdev, sc))
		return SUCCESS;
	if (!acked)
		return FAILED;

	spin_lock_irqsave(&ring->lock, flags);
	for (i = 0; ring->slots && i < PVF_NR_SLOTS; i++) {
		struct pvf_slot *slot = &ring->slots[i];

		if (!pvf_slot_matches(slot, sdev, sc))
			continue;
		ok &= pvf_slot_revoke(ring, slot);
		slot->sc = NULL;
	}
	spin_unlock_irqrestore(&ring->lock, flags);
	return ok ? SUCCESS : FAILED;
}

static int pvf_eh_abort(struct scsi_cmnd *sc)
{
	struct pvf_host *h = shost_priv(sc->device->host);
	struct pvf_ring *ring = &h->ring;
	bool acked;
	int ret;

	mutex_lock(&h->tmf_mutex);
	if (!pvf_busy(ring, NULL, sc)) {
		ret = SUCCESS;
	} else {
		acked = pvf_tmf(ring, sc->device, VSCSIIF_ACT_SCSI_ABORT,
				scsi_cmd_to_rq(sc)->tag);
		ret = pvf_reclaim(ring, NULL, sc, acked);
	}
	mutex_unlock(&h->tmf_mutex);
	return ret;
}

static int pvf_eh_device_reset(struct scsi_cmnd *sc)
{
	struct pvf_host *h = shost_priv(sc->device->host);
	struct pvf_ring *ring = &h->ring;
	bool acked;
	int ret;

	mutex_lock(&h->tmf_mutex);
	acked = pvf_tmf(ring, sc->device, VSCSIIF_ACT_SCSI_RESET, 0);
	ret = acked ? pvf_reclaim(ring, sc->device, NULL, true) : FAILED;
	mutex_unlock(&h->tmf_mutex);
	return ret;
}

/*
 * Nothing resets a vscsiif host short of reconnecting: stop using the
 * ring, end every grant, and let the midlayer take the devices offline.
 */
static int pvf_eh_host_reset(struct scsi_cmnd *sc)
{
	struct pvf_host *h = shost_priv(sc->device->host);

	shost_printk(KERN_ERR, h->shost, "host reset: disabling vhost\n");
	pvf_ring_abandon(&h->ring, DID_NO_CONNECT);
	return FAILED;
}

struct scsi_host_template pvf_sht = {
	.module			= THIS_MODULE,
	.name			= "Xen PV SCSI frontend (pvscsifront)",
	.proc_name		= "pvscsifront",
	.queuecommand		= pvf_queuecommand,
	.commit_rqs		= pvf_commit_rqs,
	.eh_abort_handler	= pvf_eh_abort,
	.eh_device_reset_handler = pvf_eh_device_reset,
	.eh_host_reset_handler	= pvf_eh_host_reset,
	.change_queue_depth	= scsi_change_queue_depth,
	.can_queue		= PVF_NR_SLOTS,
	.cmd_per_lun		= PVF_NR_SLOTS,
	.this_id		= -1,
	.sg_tablesize		= VSCSIIF_SG_TABLESIZE,
	/* One grant per scatterlist entry: never let one span pages. */
	.max_segment_size	= PAGE_SIZE,
	.dma_boundary		= PAGE_SIZE - 1,
};
