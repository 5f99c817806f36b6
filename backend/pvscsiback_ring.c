// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsiback ring: map the shared ring, consume requests in a work item
 * (never in hard irq), push responses in batches with one notification.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/blk-mq.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <xen/events.h>
#include <xen/page.h>

#include "pvscsiback.h"
#include "vscsiback_req.h"

static void pending_free_one(struct pvscsiback_pending *pend)
{
	kfree(pend->segs);
	kfree(pend->pages);
	kfree(pend->unmap_pages);
	kfree(pend->handles);
	kfree(pend->map);
	kfree(pend->unmap);
}

static int pending_alloc_one(struct pvscsiback_ring *ring,
			     struct pvscsiback_pending *pend, u32 n)
{
	pend->ring = ring;
	INIT_LIST_HEAD(&pend->busy);
	pend->segs = kcalloc(n, sizeof(*pend->segs), GFP_KERNEL);
	pend->pages = kcalloc(n, sizeof(*pend->pages), GFP_KERNEL);
	pend->unmap_pages = kcalloc(n, sizeof(*pend->unmap_pages), GFP_KERNEL);
	pend->handles = kcalloc(n, sizeof(*pend->handles), GFP_KERNEL);
	pend->map = kcalloc(n, sizeof(*pend->map), GFP_KERNEL);
	pend->unmap = kcalloc(n, sizeof(*pend->unmap), GFP_KERNEL);
	if (pend->segs && pend->pages && pend->unmap_pages && pend->handles &&
	    pend->map && pend->unmap)
		return 0;
	pending_free_one(pend);
	return -ENOMEM;
}

static void pending_free(struct pvscsiback_ring *ring)
{
	unsigned int i;

	for (i = 0; i < ring->nr_pending; i++)
		pending_free_one(&ring->pending[i]);
	kfree(ring->pending);
	ring->pending = NULL;
	ring->nr_pending = 0;
}

/* One pending struct per ring slot: a well-behaved ring never runs out. */
static int pending_alloc(struct pvscsiback_ring *ring, unsigned int nr)
{
	u32 segs = ring->vhost->max_segs;

	ring->pending = kcalloc(nr, sizeof(*ring->pending), GFP_KERNEL);
	if (!ring->pending)
		return -ENOMEM;
	for (; ring->nr_pending < nr; ring->nr_pending++) {
		struct pvscsiback_pending *pend =
			&ring->pending[ring->nr_pending];

		if (pending_alloc_one(ring, pend, segs)) {
			pending_free(ring);
			return -ENOMEM;
		}
		list_add_tail(&pend->node, &ring->free);
	}
	return 0;
}

static struct pvscsiback_pending *pending_get(struct pvscsiback_ring *ring)
{
	struct pvscsiback_pending *pend;

	spin_lock_irq(&ring->pool_lock);
	pend = list_first_entry_or_null(&ring->free, struct pvscsiback_pending,
					node);
	if (pend) {
		list_del(&pend->node);
		ring->inflight++;
		atomic_inc(&ring->vhost->stats.in_flight);
	} else {
		ring->stalled = true;
	}
	spin_unlock_irq(&ring->pool_lock);
	return pend;
}

bool pvscsiback_rqid_busy(struct pvscsiback_ring *ring, u16 rqid)
{
	struct pvscsiback_pending *p;
	bool busy = false;

	spin_lock_irq(&ring->pool_lock);
	list_for_each_entry(p, &ring->busy, busy)
		busy |= p->rqid == rqid;
	spin_unlock_irq(&ring->pool_lock);
	return busy;
}

/* @pend enters the block layer: ABORT/RESET can now find it. */
void pvscsiback_track(struct pvscsiback_pending *pend, struct request *rq)
{
	struct pvscsiback_ring *ring = pend->ring;

	spin_lock_irq(&ring->pool_lock);
	pend->rq = rq;
	list_add_tail(&pend->busy, &ring->busy);
	spin_unlock_irq(&ring->pool_lock);
}

static bool tmf_matches(const struct pvscsiback_pending *p,
			const struct vscsiif_request *req)
{
	if (req->act == VSCSIIF_ACT_SCSI_ABORT)
		return p->rqid == req->ref_rqid;
	return p->lun && p->lun->chn == req->channel &&
	       p->lun->tgt == req->id && p->lun->lun == req->lun;
}

static bool lun_exists(struct pvscsiback_vhost *vhost,
		       const struct vscsiif_request *req)
{
	struct pvscsiback_lun *lun;

	lun = pvscsiback_lun_get(vhost, req->channel, req->id, req->lun);
	if (!lun)
		return false;
	pvscsiback_lun_put(lun);
	return true;
}

/*
 * ABORT and RESET: ask the block layer to time out the matching requests
 * and answer once they have completed, without blocking the ring.
 */
void pvscsiback_tmf(struct pvscsiback_pending *pend,
		    const struct vscsiif_request *req)
{
	struct pvscsiback_ring *ring = pend->ring;
	struct pvscsiback_pending *p;
	unsigned int waits = 0;

	if (req->act == VSCSIIF_ACT_SCSI_RESET && !lun_exists(ring->vhost, req)) {
		pvscsiback_finish(pend, XEN_VSCSIIF_RSLT_RESET_FAILED);
		return;
	}
	pend->result = XEN_VSCSIIF_RSLT_RESET_SUCCESS;
	spin_lock_irq(&ring->pool_lock);
	list_for_each_entry(p, &ring->busy, busy) {
		if (p->tmf || !tmf_matches(p, req))
			continue;
		p->tmf = pend;
		waits++;
		blk_abort_request(p->rq);
	}
	pend->tmf_waits = waits;
	spin_unlock_irq(&ring->pool_lock);
	if (!waits)
		pvscsiback_finish(pend, pend->result);
}

void pvscsiback_finish(struct pvscsiback_pending *pend, u32 result)
{
	struct pvscsiback_ring *ring = pend->ring;
	struct pvscsiback_pending *tmf;
	unsigned long flags;

	pend->result = result;
	spin_lock_irqsave(&ring->pool_lock, flags);
	list_del_init(&pend->busy);
	pend->rq = NULL;
	tmf = pend->tmf;
	pend->tmf = NULL;
	list_add_tail(&pend->node, &ring->done);
	if (tmf && !--tmf->tmf_waits)
		list_add_tail(&tmf->node, &ring->done);
	spin_unlock_irqrestore(&ring->pool_lock, flags);
	queue_work(pvscsiback_wq, &ring->complete_work);
}

static bool is_tmf(u8 act)
{
	return act == VSCSIIF_ACT_SCSI_ABORT || act == VSCSIIF_ACT_SCSI_RESET;
}

static void account(struct pvscsiback_vhost *vhost,
		    const struct pvscsiback_pending *pend)
{
	if (is_tmf(pend->act))
		atomic64_inc(&vhost->stats.task_mgmt);
	if (pend->act != VSCSIIF_ACT_SCSI_CDB)
		return;
	atomic64_inc(&vhost->stats.requests);
	atomic64_add(pend->data_len - vscsiback_residual(pend->resid,
							 pend->data_len),
		     &vhost->stats.bytes);
	if (pend->result)
		atomic64_inc(&vhost->stats.errors);
}

static void put_response(struct pvscsiback_ring *ring,
			 const struct pvscsiback_pending *pend)
{
	struct vscsiif_response rsp = {
		.rqid = pend->rqid,
		.act = pend->act,
	};

	if (is_tmf(pend->act)) {
		rsp.rslt = pend->result;
	} else {
		rsp.rslt = vscsiback_encode_rslt(pend->result);
		rsp.sense_len = pend->sense_len;
		memcpy(rsp.sense_buffer, pend->sense, pend->sense_len);
		rsp.residual_len = vscsiback_residual(pend->resid,
						      pend->data_len);
	}
	spin_lock(&ring->rsp_lock);
	memcpy(RING_GET_RESPONSE(&ring->back, ring->back.rsp_prod_pvt), &rsp,
	       sizeof(rsp));
	ring->back.rsp_prod_pvt++;
	spin_unlock(&ring->rsp_lock);
}

/* Returns finished requests to the pool; restarts a stalled dispatch. */
static void recycle(struct pvscsiback_ring *ring, struct list_head *done,
		    unsigned int n)
{
	bool stalled, idle;

	spin_lock_irq(&ring->pool_lock);
	list_splice_tail_init(done, &ring->free);
	ring->inflight -= n;
	atomic_sub(n, &ring->vhost->stats.in_flight);
	idle = !ring->inflight;
	stalled = ring->stalled;
	ring->stalled = false;
	spin_unlock_irq(&ring->pool_lock);
	if (stalled)
		queue_work(pvscsiback_wq, &ring->dispatch_work);
	if (idle)
		wake_up(&ring->idle_wq);
}

static void pvscsiback_complete_work(struct work_struct *work)
{
	struct pvscsiback_ring *ring = container_of(work, struct pvscsiback_ring,
						    complete_work);
	struct pvscsiback_pending *pend;
	unsigned int n = 0;
	LIST_HEAD(done);
	int notify;

	spin_lock_irq(&ring->pool_lock);
	list_splice_init(&ring->done, &done);
	spin_unlock_irq(&ring->pool_lock);
	if (list_empty(&done))
		return;
	list_for_each_entry(pend, &done, node) {
		pvscsiback_unmap(pend);
		if (pend->lun)
			pvscsiback_lun_put(pend->lun);
		pend->lun = NULL;
		account(ring->vhost, pend);
		put_response(ring, pend);
		n++;
	}
	spin_lock(&ring->rsp_lock);
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&ring->back, notify);
	spin_unlock(&ring->rsp_lock);
	if (notify)
		notify_remote_via_irq(ring->irq);
	recycle(ring, &done, n);
}

static bool ring_prod_ok(struct pvscsiback_ring *ring, RING_IDX prod)
{
	bool ok;

	spin_lock(&ring->rsp_lock);
	ok = vscsiback_ring_prod_ok(prod, ring->back.rsp_prod_pvt,
				    RING_SIZE(&ring->back));
	spin_unlock(&ring->rsp_lock);
	return ok;
}

/* Takes one request off the ring; false when out of pending structs. */
static bool ring_take_one(struct pvscsiback_ring *ring)
{
	struct vscsiif_back_ring *back = &ring->back;
	struct pvscsiback_pending *pend;
	struct vscsiif_request req;

	pend = pending_get(ring);
	if (!pend)
		return false;
	RING_COPY_REQUEST(back, back->req_cons, &req);
	back->req_cons++;
	pvscsiback_submit(pend, &req);
	return true;
}

static unsigned int ring_consume(struct pvscsiback_ring *ring)
{
	struct vscsiif_back_ring *back = &ring->back;
	unsigned int n = 0;
	RING_IDX prod;
	int more;

	do {
		prod = READ_ONCE(back->sring->req_prod);
		virt_rmb();	/* see requests up to prod */
		if (!ring_prod_ok(ring, prod)) {
			WRITE_ONCE(ring->broken, true);
			dev_err_ratelimited(&ring->vhost->dev->dev,
					    "dom%u: ring producer %u overruns %u, ring stopped\n",
					    ring->vhost->domid, prod,
					    back->rsp_prod_pvt);
			return n;
		}
		while (back->req_cons != prod) {
			if (!ring_take_one(ring))
				return n;
			n++;
			cond_resched();
		}
		RING_FINAL_CHECK_FOR_REQUESTS(back, more);
	} while (more);
	return n;
}

static void pvscsiback_dispatch_work(struct work_struct *work)
{
	struct pvscsiback_ring *ring = container_of(work, struct pvscsiback_ring,
						    dispatch_work);
	unsigned int n = 0;

	if (!READ_ONCE(ring->broken))
		n = ring_consume(ring);
	/* Late EOI: an event storm cannot outrun our processing. */
	if (atomic_xchg(&ring->eoi_pending, 0))
		xen_irq_lateeoi(ring->irq, n ? 0 : XEN_EOI_FLAG_SPURIOUS);
}

static irqreturn_t pvscsiback_irq(int irq, void *dev_id)
{
	struct pvscsiback_ring *ring = dev_id;

	/*
	 * Xen marks the port pending at bind time, so this can run before
	 * the binder stored the irq; the late EOI must name it.
	 */
	WRITE_ONCE(ring->irq, irq);
	atomic_set(&ring->eoi_pending, 1);
	queue_work(pvscsiback_wq, &ring->dispatch_work);
	return IRQ_HANDLED;
}

static struct pvscsiback_ring *ring_alloc(struct pvscsiback_vhost *vhost)
{
	struct pvscsiback_ring *ring = kzalloc(sizeof(*ring), GFP_KERNEL);

	if (!ring)
		return NULL;
	ring->vhost = vhost;
	spin_lock_init(&ring->rsp_lock);
	spin_lock_init(&ring->pool_lock);
	INIT_LIST_HEAD(&ring->free);
	INIT_LIST_HEAD(&ring->done);
	INIT_LIST_HEAD(&ring->busy);
	init_waitqueue_head(&ring->idle_wq);
	INIT_WORK(&ring->dispatch_work, pvscsiback_dispatch_work);
	INIT_WORK(&ring->complete_work, pvscsiback_complete_work);
	gnttab_page_cache_init(&ring->page_cache);
	return ring;
}

static void ring_free(struct pvscsiback_ring *ring)
{
	pending_free(ring);
	gnttab_page_cache_shrink(&ring->page_cache, 0);
	kfree(ring);
}

int pvscsiback_ring_connect(struct pvscsiback_vhost *vhost, grant_ref_t ref,
			    evtchn_port_t evtchn)
{
	struct pvscsiback_ring *ring = ring_alloc(vhost);
	void *addr;
	int err;

	if (!ring)
		return -ENOMEM;
	err = xenbus_map_ring_valloc(vhost->dev, &ref, 1, &addr);
	if (err)
		goto free;
	BACK_RING_INIT(&ring->back, (struct vscsiif_sring *)addr, XEN_PAGE_SIZE);
	err = pending_alloc(ring, RING_SIZE(&ring->back));
	if (err)
		goto unmap;
	err = bind_interdomain_evtchn_to_irqhandler_lateeoi(vhost->dev, evtchn,
							    pvscsiback_irq, 0,
							    "pvscsiback", ring);
	if (err < 0)
		goto unmap;
	ring->irq = err;
	vhost->ring = ring;
	return 0;
unmap:
	xenbus_unmap_ring_vfree(vhost->dev, addr);
free:
	ring_free(ring);
	return err;
}

static bool ring_idle(struct pvscsiback_ring *ring)
{
	bool idle;

	spin_lock_irq(&ring->pool_lock);
	idle = !ring->inflight;
	spin_unlock_irq(&ring->pool_lock);
	return idle;
}

/*
 * Stop taking requests, let the block layer finish what is in flight (its
 * timeout bounds this), answer it, then release the ring.
 */
void pvscsiback_ring_disconnect(struct pvscsiback_vhost *vhost)
{
	struct pvscsiback_ring *ring = vhost->ring;

	if (!ring)
		return;
	WRITE_ONCE(ring->broken, true);
	cancel_work_sync(&ring->dispatch_work);
	wait_event(ring->idle_wq, ring_idle(ring));
	flush_work(&ring->complete_work);
	unbind_from_irqhandler(ring->irq, ring);
	/* The handler may have queued dispatch before the unbind. */
	cancel_work_sync(&ring->dispatch_work);
	xenbus_unmap_ring_vfree(vhost->dev, ring->back.sring);
	vhost->ring = NULL;
	ring_free(ring);
}
