// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsifront ring: shared page, event channel, per-slot grants and the
 * response path.  The backend is not trusted: each response is copied out
 * of the shared page once and validated before it touches a command.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <scsi/scsi_status.h>
#include <xen/events.h>
#include <xen/page.h>

#include "pvscsifront.h"

static void pvf_ring_set_broken(struct pvf_ring *ring, const char *why)
{
	if (!ring->broken)
		dev_err(&ring->host->dev->dev, "ring disabled: %s\n", why);
	ring->broken = true;
}

/*
 * End every grant of @slot.  A grant the backend still maps cannot be
 * ended now: its page gets an extra reference and is handed to the grant
 * table's deferred list, so it is freed only once the backend lets go
 * (XSA-396).  Returns false in that case; the caller takes the ring down.
 */
bool pvf_slot_revoke(struct pvf_ring *ring, struct pvf_slot *slot)
{
	bool ok = true;
	unsigned int i;

	for (i = 0; i < slot->nr_grants; i++) {
		if (gnttab_end_foreign_access_ref(slot->grefs[i]))
			continue;
		get_page(slot->pages[i]);
		gnttab_end_foreign_access(slot->grefs[i], slot->pages[i]);
		slot->grefs[i] = INVALID_GRANT_REF;
		ok = false;
	}
	slot->nr_grants = 0;
	if (!ok)
		pvf_ring_set_broken(ring, "backend still maps a revoked grant");
	return ok;
}

static void pvf_set_result(struct scsi_cmnd *sc,
			   const struct vscsiif_response *rsp)
{
	unsigned int sense_len = rsp->sense_len;

	sc->result = 0;
	set_host_byte(sc, vscsifront_rslt_host(rsp->rslt));
	set_status_byte(sc, vscsifront_rslt_status(rsp->rslt));
	scsi_set_resid(sc, rsp->residual_len);
	if (sense_len) {
		memset(sc->sense_buffer, 0, SCSI_SENSE_BUFFERSIZE);
		memcpy(sc->sense_buffer, rsp->sense_buffer,
		       min_t(unsigned int, sense_len, SCSI_SENSE_BUFFERSIZE));
	}
}

/* Returns the command @rsp completes, or NULL. */
static struct scsi_cmnd *pvf_rsp_cmd(struct pvf_ring *ring,
				     const struct vscsiif_response *rsp)
{
	struct pvf_slot *slot = &ring->slots[rsp->rqid];
	struct scsi_cmnd *sc = slot->sc;

	if (!sc) {
		/* Late answer to a command reclaimed by the error handler. */
		dev_warn_ratelimited(&ring->host->dev->dev,
				     "response for idle rqid %u ignored\n",
				     rsp->rqid);
		return NULL;
	}
	slot->sc = NULL;
	pvf_slot_revoke(ring, slot);
	if (vscsifront_rsp_check(rsp->sense_len, rsp->residual_len,
				 scsi_bufflen(sc))) {
		dev_warn_ratelimited(&ring->host->dev->dev,
				     "malformed response for rqid %u\n",
				     rsp->rqid);
		sc->result = DID_ERROR << 16;
		return sc;
	}
	pvf_set_result(sc, rsp);
	return sc;
}

static void pvf_rsp_tmf(struct pvf_ring *ring,
			const struct vscsiif_response *rsp)
{
	if (!ring->tmf_pending || rsp->rqid != ring->tmf_rqid) {
		dev_warn_ratelimited(&ring->host->dev->dev,
				     "stale TMF response %u ignored\n",
				     rsp->rqid);
		return;
	}
	ring->tmf_rslt = rsp->rslt;
	ring->tmf_done = true;
	ring->tmf_pending = false;
}

/* Collects at most PVF_NR_SLOTS completed commands into @done. */
static bool pvf_drain_locked(struct pvf_ring *ring, struct scsi_cmnd **done,
			     unsigned int *nr_done, unsigned int *eoi)
{
	struct vscsiif_response rsp;
	struct scsi_cmnd *sc;
	RING_IDX i, rp;
	int more = 0;

	if (ring->broken || !ring->slots)
		return false;
	rp = READ_ONCE(ring->front.sring->rsp_prod);
	virt_rmb();	/* read responses only after seeing rsp_prod */
	if (!vscsifront_rsp_count_ok(rp, ring->front.rsp_cons,
				     ring->front.req_prod_pvt)) {
		pvf_ring_set_broken(ring, "more responses than requests");
		return false;
	}
	for (i = ring->front.rsp_cons; i != rp; i++) {
		RING_COPY_RESPONSE(&ring->front, i, &rsp);
		*eoi &= ~XEN_EOI_FLAG_SPURIOUS;
		switch (vscsifront_rqid_kind(rsp.rqid, PVF_NR_SLOTS,
					     PVF_NR_TMF_IDS)) {
		case VSCSIFRONT_RQID_CMD:
			sc = pvf_rsp_cmd(ring, &rsp);
			if (sc)
				done[(*nr_done)++] = sc;
			break;
		case VSCSIFRONT_RQID_TMF:
			pvf_rsp_tmf(ring, &rsp);
			break;
		default:
			pvf_ring_set_broken(ring, "response with unknown rqid");
			return false;
		}
	}
	ring->front.rsp_cons = i;
	RING_FINAL_CHECK_FOR_RESPONSES(&ring->front, more);
	return more;
}

static irqreturn_t pvf_interrupt(int irq, void *data)
{
	struct scsi_cmnd *done[PVF_NR_SLOTS];
	unsigned int eoi = XEN_EOI_FLAG_SPURIOUS;
	struct pvf_ring *ring = data;
	unsigned int i, nr_done;
	unsigned long flags;
	bool more;

	/* Bounded: the count check allows no more responses than requests. */
	do {
		nr_done = 0;
		spin_lock_irqsave(&ring->lock, flags);
		more = pvf_drain_locked(ring, done, &nr_done, &eoi);
		spin_unlock_irqrestore(&ring->lock, flags);
		for (i = 0; i < nr_done; i++)
			pvf_complete(done[i]);
		wake_up_all(&ring->wq);
	} while (more);

	xen_irq_lateeoi(irq, eoi);
	return IRQ_HANDLED;
}

static void pvf_slot_free(struct pvf_slot *slot)
{
	unsigned int i;

	for (i = 0; slot->grefs && i < PVF_MAX_GRANTS; i++)
		if (slot->grefs[i] != INVALID_GRANT_REF)
			gnttab_free_grant_reference(slot->grefs[i]);
	kfree(slot->grefs);
	kfree(slot->pages);
	if (slot->indirect)
		__free_page(slot->indirect);
}

static int pvf_slot_alloc(struct pvf_slot *slot, unsigned int nr_grants)
{
	grant_ref_t head;
	unsigned int i;

	slot->grefs = kmalloc_array(PVF_MAX_GRANTS, sizeof(*slot->grefs),
				    GFP_KERNEL);
	slot->pages = kcalloc(nr_grants, sizeof(*slot->pages), GFP_KERNEL);
	slot->indirect = alloc_page(GFP_KERNEL);
	if (!slot->grefs || !slot->pages || !slot->indirect)
		return -ENOMEM;
	for (i = 0; i < PVF_MAX_GRANTS; i++)
		slot->grefs[i] = INVALID_GRANT_REF;
	if (gnttab_alloc_grant_references(nr_grants, &head))
		return -ENOSPC;
	for (i = 0; i < nr_grants; i++)
		slot->grefs[i] = gnttab_claim_grant_reference(&head);
	return 0;
}

static void pvf_slot_array_free(struct pvf_slot *slots)
{
	unsigned int i;

	for (i = 0; i < PVF_NR_SLOTS; i++)
		pvf_slot_free(&slots[i]);
	kfree(slots);
}

/* Call only with the ring idle: no command may be in a slot. */
void pvf_slots_free(struct pvf_ring *ring)
{
	struct pvf_slot *slots;
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	slots = ring->slots;
	ring->slots = NULL;
	spin_unlock_irqrestore(&ring->lock, flags);
	if (slots)
		pvf_slot_array_free(slots);
}

/* Grants for every slot come from the grant table once, at connect. */
int pvf_slots_alloc(struct pvf_ring *ring, unsigned int max_segs)
{
	struct pvf_slot *slots;
	unsigned long flags;
	unsigned int i;
	int err;

	slots = kcalloc(PVF_NR_SLOTS, sizeof(*slots), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	for (i = 0; i < PVF_NR_SLOTS; i++) {
		err = pvf_slot_alloc(&slots[i], max_segs + 1);
		if (err) {
			pvf_slot_array_free(slots);
			return err;
		}
	}
	spin_lock_irqsave(&ring->lock, flags);
	ring->slots = slots;
	ring->max_segs = max_segs;
	spin_unlock_irqrestore(&ring->lock, flags);
	return 0;
}

/*
 * The backend is gone, hopeless or left behind by a restore: end the
 * grants of every in-flight command (deferring those still mapped) and
 * complete the commands with host byte @host_byte.  Called with no lock
 * held; the ring is marked broken first so nothing new is queued.
 * Returns how many commands it completed.
 */
unsigned int pvf_ring_abandon(struct pvf_ring *ring, unsigned int host_byte)
{
	struct scsi_cmnd *done[PVF_NR_SLOTS];
	unsigned int i, nr_done = 0;
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	ring->broken = true;
	for (i = 0; ring->slots && i < PVF_NR_SLOTS; i++) {
		struct pvf_slot *slot = &ring->slots[i];

		if (!slot->sc)
			continue;
		pvf_slot_revoke(ring, slot);
		slot->sc->result = host_byte << 16;
		done[nr_done++] = slot->sc;
		slot->sc = NULL;
	}
	ring->tmf_pending = false;
	spin_unlock_irqrestore(&ring->lock, flags);
	for (i = 0; i < nr_done; i++)
		pvf_complete(done[i]);
	wake_up_all(&ring->wq);
	return nr_done;
}

int pvf_ring_init(struct pvf_ring *ring, struct pvf_host *h)
{
	struct xenbus_device *dev = h->dev;
	struct vscsiif_sring *sring;
	int err;

	ring->host = h;
	ring->broken = false;
	ring->tmf_pending = false;
	ring->irq = 0;
	err = xenbus_setup_ring(dev, GFP_NOIO | __GFP_HIGH, (void **)&sring, 1,
				&ring->ring_ref);
	if (err)
		return err;
	SHARED_RING_INIT(sring);
	FRONT_RING_INIT(&ring->front, sring, PAGE_SIZE);

	err = xenbus_alloc_evtchn(dev, &ring->evtchn);
	if (err)
		goto free_ring;
	err = bind_evtchn_to_irqhandler_lateeoi(ring->evtchn, pvf_interrupt, 0,
						"pvscsifront", ring);
	if (err < 0) {
		xenbus_dev_fatal(dev, err, "binding event channel");
		goto free_evtchn;
	}
	ring->irq = err;
	return 0;

free_evtchn:
	xenbus_free_evtchn(dev, ring->evtchn);
free_ring:
	xenbus_teardown_ring((void **)&ring->front.sring, 1, &ring->ring_ref);
	return err;
}

void pvf_ring_free(struct pvf_ring *ring)
{
	if (ring->irq)
		unbind_from_irqhandler(ring->irq, ring);
	ring->irq = 0;
	xenbus_teardown_ring((void **)&ring->front.sring, 1, &ring->ring_ref);
}
