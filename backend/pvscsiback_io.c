// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsiback data path: map a request's grants, hand its CDB to the physical
 * device as a passthrough request and collect the result in end_io.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bio.h>
#include <linux/blk-mq.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_proto.h>
#include <xen/page.h>

#include "pvscsiback.h"
#include "vscsiback_req.h"

/* The encoding in vscsiback_host_byte() relies on these values. */
static_assert(DID_NO_CONNECT == XEN_VSCSIIF_RSLT_HOST_NO_CONNECT);
static_assert(DID_BAD_TARGET == XEN_VSCSIIF_RSLT_HOST_BAD_TARGET);
static_assert(DID_ERROR == XEN_VSCSIIF_RSLT_HOST_ERROR);
static_assert(DID_RESET == XEN_VSCSIIF_RSLT_HOST_RESET);
static_assert(DID_TRANSPORT_DISRUPTED ==
	      XEN_VSCSIIF_RSLT_HOST_TRANSPORT_DISRUPTED);
static_assert(DID_TRANSPORT_MARGINAL ==
	      XEN_VSCSIIF_RSLT_HOST_TRANSPORT_MARGINAL);

#define GRANT_INVALID_HANDLE	((grant_handle_t)~0U)

static void *page_kaddr(struct page *page)
{
	return pfn_to_kaddr(page_to_pfn(page));
}

static struct pvscsiback_vhost *pend_vhost(struct pvscsiback_pending *pend)
{
	return pend->ring->vhost;
}

static void bad_request(struct pvscsiback_pending *pend, const char *why)
{
	struct pvscsiback_vhost *vhost = pend_vhost(pend);

	atomic64_inc(&vhost->stats.bad_requests);
	dev_warn_ratelimited(&vhost->dev->dev, "dom%u rqid %u: %s\n",
			     vhost->domid, pend->rqid, why);
	pvscsiback_finish(pend, DID_ERROR << 16);
}

void pvscsiback_unmap(struct pvscsiback_pending *pend)
{
	struct pvscsiback_ring *ring = pend->ring;
	unsigned int i, k = 0;

	for (i = 0; i < pend->nr_segs; i++) {
		if (pend->handles[i] == GRANT_INVALID_HANDLE)
			continue;
		gnttab_set_unmap_op(&pend->unmap[k],
				    (unsigned long)page_kaddr(pend->pages[i]),
				    GNTMAP_host_map, pend->handles[i]);
		pend->unmap_pages[k++] = pend->pages[i];
		pend->handles[i] = GRANT_INVALID_HANDLE;
	}
	/* A page whose unmap failed must never be reused: leak it. */
	if (k && gnttab_unmap_refs(pend->unmap, NULL, pend->unmap_pages, k))
		pr_err_ratelimited("grant unmap failed, %u pages leaked\n",
				   pend->nr_segs);
	else if (pend->nr_segs)
		gnttab_page_cache_put(&ring->page_cache, pend->pages,
				      pend->nr_segs);
	pend->nr_segs = 0;
}

static int get_pages(struct pvscsiback_pending *pend, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++) {
		if (gnttab_page_cache_get(&pend->ring->page_cache,
					  &pend->pages[i])) {
			gnttab_page_cache_put(&pend->ring->page_cache,
					      pend->pages, i);
			return -ENOMEM;
		}
		pend->handles[i] = GRANT_INVALID_HANDLE;
	}
	pend->nr_segs = n;
	return 0;
}

/* Maps @n grants in one batch; pvscsiback_unmap() undoes partial success. */
static int map_segs(struct pvscsiback_pending *pend,
		    const struct scsiif_request_segment *segs, u32 n, bool ro)
{
	u32 flags = GNTMAP_host_map | (ro ? GNTMAP_readonly : 0);
	domid_t domid = pend_vhost(pend)->domid;
	int err, bad = 0;
	u32 i;

	if (get_pages(pend, n))
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		gnttab_set_map_op(&pend->map[i],
				  (unsigned long)page_kaddr(pend->pages[i]),
				  flags, segs[i].gref, domid);
		pend->map[i].status = GNTST_general_error;
	}
	err = gnttab_map_refs(pend->map, NULL, pend->pages, n);
	for (i = 0; i < n; i++) {
		if (pend->map[i].status == GNTST_okay)
			pend->handles[i] = pend->map[i].handle;
		else
			bad++;
	}
	return err ?: (bad ? -EFAULT : 0);
}

/* Copies the indirect descriptors out of the guest's pages exactly once. */
static int read_indirect(struct pvscsiback_pending *pend,
			 const struct vscsiif_request *req)
{
	u32 i, nr = vscsiback_req_nr_slots(req);
	u8 *dst = (u8 *)pend->segs;
	int err;

	err = map_segs(pend, req->seg, nr, true);
	for (i = 0; !err && i < nr; i++) {
		memcpy_from_page(dst, pend->pages[i], req->seg[i].offset,
				 req->seg[i].length);
		dst += req->seg[i].length;
	}
	pvscsiback_unmap(pend);
	return err;
}

static int map_request(struct pvscsiback_pending *pend,
		       const struct vscsiif_request *req)
{
	u32 n = vscsiback_req_nr_slots(req);
	int err;

	if (vscsiback_req_indirect(req)) {
		err = read_indirect(pend, req);
		if (err)
			return err;
		n = vscsiback_req_indirect_segs(req);
	} else {
		memcpy(pend->segs, req->seg, n * sizeof(*pend->segs));
	}
	if (vscsiback_check_data_segs(pend->segs, n,
				      pend_vhost(pend)->max_segs,
				      &pend->data_len))
		return -EINVAL;
	return map_segs(pend, pend->segs, n,
			pend->dir == VSCSIIF_DIR_TO_DEVICE);
}

static void copy_to_segs(struct pvscsiback_pending *pend, const u8 *buf,
			 u32 len)
{
	u32 i, chunk;

	for (i = 0; len && i < pend->nr_segs; i++) {
		chunk = min_t(u32, len, pend->segs[i].length);
		memcpy_to_page(pend->pages[i], pend->segs[i].offset, buf, chunk);
		buf += chunk;
		len -= chunk;
	}
}

/* REPORT LUNS lists only this guest's LUNs of the addressed target. */
static bool emulate_report_luns(struct pvscsiback_pending *pend,
				const struct vscsiif_request *req)
{
	u16 luns[256];
	u32 n, full, len;
	u8 *buf;

	/* feature-host shows the physical host: its targets answer. */
	if (pend_vhost(pend)->feature_host)
		return false;
	n = pvscsiback_target_luns(pend_vhost(pend), req->channel, req->id,
				   luns, ARRAY_SIZE(luns));
	if (!n)
		return false;
	buf = kmalloc(8 + 8 * n, GFP_KERNEL);
	if (!buf || pend->dir != VSCSIIF_DIR_FROM_DEVICE ||
	    map_request(pend, req)) {
		kfree(buf);
		pvscsiback_finish(pend, DID_ERROR << 16);
		return true;
	}
	full = vscsiback_report_luns(buf, 8 + 8 * n, luns, n);
	len = min3(full, pend->data_len,
		   vscsiback_report_luns_alloc(req->cmnd, req->cmd_len));
	copy_to_segs(pend, buf, len);
	kfree(buf);
	pend->resid = pend->data_len - len;
	pvscsiback_finish(pend, SAM_STAT_GOOD);
	return true;
}

static void pvscsiback_bio_end(struct bio *bio)
{
	bio_uninit(bio);
	kfree(bio);
}

static int add_bio(struct pvscsiback_pending *pend, struct request *rq)
{
	struct request_queue *q = rq->q;
	struct bio *bio;
	u32 i;
	int err = -EINVAL;

	bio = bio_kmalloc(pend->nr_segs, GFP_KERNEL);
	if (!bio)
		return -ENOMEM;
	bio_init(bio, NULL, bio->bi_inline_vecs, pend->nr_segs, req_op(rq));
	bio->bi_end_io = pvscsiback_bio_end;
	for (i = 0; i < pend->nr_segs; i++) {
		if (bio_add_pc_page(q, bio, pend->pages[i],
				    pend->segs[i].length,
				    pend->segs[i].offset) !=
		    pend->segs[i].length)
			goto fail;
	}
	err = blk_rq_append_bio(rq, bio);
	if (!err)
		return 0;
fail:
	bio_uninit(bio);
	kfree(bio);
	return err;
}

static enum rq_end_io_ret pvscsiback_end_io(struct request *rq,
					    blk_status_t status)
{
	struct pvscsiback_pending *pend = rq->end_io_data;
	struct scsi_cmnd *scmd = blk_mq_rq_to_pdu(rq);
	u32 result = scmd->result;

	if (status != BLK_STS_OK && !result)
		result = DID_ERROR << 16;
	pend->resid = scmd->resid_len;
	pend->sense_len = vscsiback_sense_len(scmd->sense_len);
	memcpy(pend->sense, scmd->sense_buffer, pend->sense_len);
	pvscsiback_finish(pend, result);
	return RQ_END_IO_FREE;
}

static struct request *build_rq(struct pvscsiback_pending *pend,
				const struct vscsiif_request *req)
{
	struct scsi_device *sdev = pend->lun->sdev;
	struct scsi_cmnd *scmd;
	struct request *rq;
	int err;

	rq = scsi_alloc_request(sdev->request_queue,
				pend->dir == VSCSIIF_DIR_TO_DEVICE ?
				REQ_OP_DRV_OUT : REQ_OP_DRV_IN, 0);
	if (IS_ERR(rq))
		return rq;
	scmd = blk_mq_rq_to_pdu(rq);
	memcpy(scmd->cmnd, req->cmnd, req->cmd_len);
	scmd->cmd_len = req->cmd_len;
	/* The guest's midlayer owns retries. */
	scmd->allowed = 0;
	rq->timeout = pvscsiback_cmd_timeout * HZ;
	err = pend->nr_segs ? add_bio(pend, rq) : 0;
	if (err) {
		blk_mq_free_request(rq);
		return ERR_PTR(err);
	}
	rq->end_io = pvscsiback_end_io;
	rq->end_io_data = pend;
	return rq;
}

static void submit_cdb(struct pvscsiback_pending *pend,
		       const struct vscsiif_request *req)
{
	struct request *rq;

	if (req->cmnd[0] == VSCSIBACK_OP_REPORT_LUNS &&
	    emulate_report_luns(pend, req))
		return;
	pend->lun = pvscsiback_lun_get(pend_vhost(pend), req->channel,
				       req->id, req->lun);
	if (pend->lun)
		pend->lun = pvscsiback_lun_alive(pend_vhost(pend), pend->lun);
	if (!pend->lun) {
		pvscsiback_finish(pend, DID_NO_CONNECT << 16);
		return;
	}
	if (map_request(pend, req)) {
		bad_request(pend, "grant mapping failed");
		return;
	}
	rq = build_rq(pend, req);
	if (IS_ERR(rq)) {
		pvscsiback_finish(pend, (PTR_ERR(rq) == -ENODEV ?
					 DID_NO_CONNECT : DID_ERROR) << 16);
		return;
	}
	pvscsiback_track(pend, rq);
	blk_execute_rq_nowait(rq, false);
}

/* Dispatch context (may sleep); @req is our private copy. */
void pvscsiback_submit(struct pvscsiback_pending *pend,
		       const struct vscsiif_request *req)
{
	const char *why;

	pend->rqid = req->rqid;
	pend->act = req->act;
	pend->dir = req->sc_data_direction;
	pend->data_len = 0;
	pend->resid = 0;
	pend->sense_len = 0;
	if (vscsiback_check_req(req, pend_vhost(pend)->max_segs, &why)) {
		bad_request(pend, why);
		return;
	}
	if (req->act != VSCSIIF_ACT_SCSI_CDB) {
		pvscsiback_tmf(pend, req);
		return;
	}
	if (pvscsiback_rqid_busy(pend->ring, req->rqid)) {
		bad_request(pend, "request id already in flight");
		return;
	}
	submit_cdb(pend, req);
}
