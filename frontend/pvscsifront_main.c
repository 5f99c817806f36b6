// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsifront: Xen paravirtual SCSI frontend.  This file is the xenbus
 * side: ring negotiation, feature discovery and LUN hotplug.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/module.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_status.h>
#include <xen/xen.h>
#include <xen/xenbus.h>

#include "pvscsifront.h"

static int pvf_write_ring_info(struct pvf_host *h)
{
	struct xenbus_device *dev = h->dev;
	struct xenbus_transaction xbt;
	int err;

again:
	err = xenbus_transaction_start(&xbt);
	if (err)
		return err;
	err = xenbus_printf(xbt, dev->nodename, "ring-ref", "%u",
			    h->ring.ring_ref);
	if (!err)
		err = xenbus_printf(xbt, dev->nodename, "event-channel", "%u",
				    h->ring.evtchn);
	if (err) {
		xenbus_transaction_end(xbt, 1);
		return err;
	}
	err = xenbus_transaction_end(xbt, 0);
	if (err == -EAGAIN)
		goto again;
	return err;
}

static int pvf_ring_connect(struct pvf_host *h)
{
	int err;

	err = pvf_ring_init(&h->ring, h);
	if (err)
		return err;
	err = pvf_write_ring_info(h);
	if (err) {
		xenbus_dev_fatal(h->dev, err, "writing ring-ref/event-channel");
		pvf_ring_free(&h->ring);
	}
	return err;
}

static void pvf_host_init(struct pvf_host *h, struct Scsi_Host *shost,
			  struct xenbus_device *dev)
{
	h->dev = dev;
	h->shost = shost;
	spin_lock_init(&h->ring.lock);
	init_waitqueue_head(&h->ring.wq);
	mutex_init(&h->tmf_mutex);
	mutex_init(&h->state_mutex);
	/* v-dev channel, target and lun are 16 bits on the wire. */
	shost->max_channel = U16_MAX;
	shost->max_id = U16_MAX;
	shost->max_lun = U16_MAX + 1;
	shost->max_cmd_len = VSCSIIF_MAX_COMMAND_SIZE;
}

static int pvf_probe(struct xenbus_device *dev,
		     const struct xenbus_device_id *id)
{
	struct Scsi_Host *shost;
	struct pvf_host *h;
	int err;

	shost = scsi_host_alloc(&pvf_sht, sizeof(*h));
	if (!shost)
		return -ENOMEM;
	h = shost_priv(shost);
	pvf_host_init(h, shost, dev);
	dev_set_drvdata(&dev->dev, h);

	err = pvf_ring_connect(h);
	if (err)
		goto put_host;
	err = scsi_add_host(shost, &dev->dev);
	if (err)
		goto free_ring;
	h->host_added = true;
	xenbus_switch_state(dev, XenbusStateInitialised);
	return 0;

free_ring:
	pvf_ring_free(&h->ring);
put_host:
	scsi_host_put(shost);
	return err;
}

static void pvf_lun_set_state(struct pvf_host *h, const char *name,
			      enum xenbus_state state)
{
	char path[64];
	int err;

	snprintf(path, sizeof(path), "vscsi-devs/%s/state", name);
	err = xenbus_printf(XBT_NIL, h->dev->nodename, path, "%d", state);
	if (err)
		xenbus_dev_error(h->dev, err, "writing %s", path);
}

static void pvf_lun_add(struct pvf_host *h, const char *name,
			unsigned int chn, unsigned int tgt, unsigned int lun)
{
	int err = scsi_add_device(h->shost, chn, tgt, lun);

	if (err)
		dev_err(&h->dev->dev, "adding %u:%u:%u failed: %d\n",
			chn, tgt, lun, err);
	pvf_lun_set_state(h, name, err ? XenbusStateClosed :
			  XenbusStateConnected);
}

static void pvf_lun_del(struct pvf_host *h, const char *name,
			unsigned int chn, unsigned int tgt, unsigned int lun)
{
	struct scsi_device *sdev = scsi_device_lookup(h->shost, chn, tgt, lun);

	if (sdev) {
		scsi_remove_device(sdev);
		scsi_device_put(sdev);
	}
	pvf_lun_set_state(h, name, XenbusStateClosed);
}

static bool pvf_lun_read(struct pvf_host *h, const char *name,
			 unsigned int *state, unsigned int ctl[3])
{
	const char *be = h->dev->otherend;
	unsigned int hst;
	char path[64];

	snprintf(path, sizeof(path), "vscsi-devs/%s/state", name);
	if (xenbus_scanf(XBT_NIL, be, path, "%u", state) != 1)
		return false;
	snprintf(path, sizeof(path), "vscsi-devs/%s/v-dev", name);
	if (xenbus_scanf(XBT_NIL, be, path, "%u:%u:%u:%u", &hst, &ctl[0],
			 &ctl[1], &ctl[2]) != 4)
		return false;
	return ctl[0] <= U16_MAX && ctl[1] <= U16_MAX && ctl[2] <= U16_MAX;
}

/*
 * ADD at connect; DEL when the backend goes Reconfiguring; SYNC when it is
 * Reconfigured, which also drops LUNs it already closed, in case a
 * toolstack marked them after our DEL pass.
 */
enum pvf_lun_op { PVF_LUN_ADD, PVF_LUN_DEL, PVF_LUN_SYNC };

static void pvf_lun_update(struct pvf_host *h, const char *name,
			   enum pvf_lun_op op)
{
	unsigned int state, ctl[3];

	if (!pvf_lun_read(h, name, &state, ctl))
		return;
	if (state == XenbusStateInitialised && op != PVF_LUN_DEL)
		pvf_lun_add(h, name, ctl[0], ctl[1], ctl[2]);
	else if (state == XenbusStateClosing && op != PVF_LUN_ADD)
		pvf_lun_del(h, name, ctl[0], ctl[1], ctl[2]);
	else if (state == XenbusStateClosed && op == PVF_LUN_SYNC)
		pvf_lun_del(h, name, ctl[0], ctl[1], ctl[2]);
}

/* Follows the backend's vscsi-devs: add LUNs it readied, drop closing ones. */
static void pvf_luns_update(struct pvf_host *h, enum pvf_lun_op op)
{
	unsigned int i, n;
	char **dir;

	dir = xenbus_directory(XBT_NIL, h->dev->otherend, "vscsi-devs", &n);
	if (IS_ERR(dir))
		return;
	for (i = 0; i < n; i++)
		pvf_lun_update(h, dir[i], op);
	kfree(dir);
}

static int pvf_negotiate(struct pvf_host *h)
{
	struct Scsi_Host *shost = h->shost;
	unsigned int sg_grant, max_segs;
	int err;

	sg_grant = xenbus_read_unsigned(h->dev->otherend,
					VSCSIIF_XS_SG_GRANT, 0);
	max_segs = vscsifront_max_segs(sg_grant);
	err = pvf_slots_alloc(&h->ring, max_segs);
	if (err)
		return err;
	h->feature_sg_grant = sg_grant;
	shost->sg_tablesize = max_segs;
	shost->max_sectors = vscsifront_max_sectors(max_segs, PAGE_SIZE);
	dev_info(&h->dev->dev, "feature-sg-grant %u: %u segments, %u KiB per command\n",
		 sg_grant, max_segs, shost->max_sectors / 2);
	return 0;
}

static void pvf_backend_connected(struct pvf_host *h)
{
	struct xenbus_device *dev = h->dev;
	int err;

	mutex_lock(&h->state_mutex);
	if (!h->slots_ready) {
		err = pvf_negotiate(h);
		if (err) {
			xenbus_dev_fatal(dev, err, "allocating request slots");
			goto out;
		}
		h->slots_ready = true;
	}
	/* Before any LUN work: adding a new LUN issues commands. */
	if (h->resuming) {
		h->resuming = false;
		scsi_unblock_requests(h->shost);
	}
	if (dev->state != XenbusStateConnected && h->host_added) {
		pvf_luns_update(h, PVF_LUN_ADD);
		xenbus_switch_state(dev, XenbusStateConnected);
	}
out:
	mutex_unlock(&h->state_mutex);
}

static void pvf_host_remove(struct pvf_host *h)
{
	mutex_lock(&h->state_mutex);
	if (h->host_added) {
		scsi_remove_host(h->shost);
		h->host_added = false;
	}
	mutex_unlock(&h->state_mutex);
}

static void pvf_backend_changed(struct xenbus_device *dev,
				enum xenbus_state backend_state)
{
	struct pvf_host *h = dev_get_drvdata(&dev->dev);

	switch (backend_state) {
	case XenbusStateConnected:
		pvf_backend_connected(h);
		break;
	case XenbusStateClosed:
		if (dev->state == XenbusStateClosed)
			break;
		fallthrough;	/* the backend skipped Closing */
	case XenbusStateClosing:
		/* The backend answers nothing more: fail fast, not by timeout. */
		pvf_ring_abandon(&h->ring, DID_NO_CONNECT);
		pvf_host_remove(h);
		xenbus_frontend_closed(dev);
		break;
	case XenbusStateReconfiguring:
		mutex_lock(&h->state_mutex);
		if (h->host_added)
			pvf_luns_update(h, PVF_LUN_DEL);
		mutex_unlock(&h->state_mutex);
		xenbus_switch_state(dev, XenbusStateReconfiguring);
		break;
	case XenbusStateReconfigured:
		mutex_lock(&h->state_mutex);
		if (h->host_added)
			pvf_luns_update(h, PVF_LUN_SYNC);
		mutex_unlock(&h->state_mutex);
		xenbus_switch_state(dev, XenbusStateConnected);
		break;
	default:
		break;
	}
}

/*
 * The otherend watch is gone by the time remove() runs: poll, bounded,
 * for the backend to stop using the ring before its grant is ended.
 */
static void pvf_close_backend(struct xenbus_device *dev)
{
	unsigned int i;

	if (dev->state != XenbusStateConnected)
		return;
	xenbus_switch_state(dev, XenbusStateClosing);
	for (i = 0; i < 50; i++) {
		if (xenbus_read_driver_state(dev->otherend) >= XenbusStateClosing)
			break;
		msleep(100);
	}
	xenbus_switch_state(dev, XenbusStateClosed);
}

static void pvf_remove(struct xenbus_device *dev)
{
	struct pvf_host *h = dev_get_drvdata(&dev->dev);

	pvf_host_remove(h);
	pvf_close_backend(dev);
	/* Nothing should be in flight now; make sure no grant outlives us. */
	pvf_ring_abandon(&h->ring, DID_NO_CONNECT);
	pvf_ring_free(&h->ring);
	pvf_slots_free(&h->ring);
	scsi_host_put(h->shost);
}

/*
 * After xl restore or migration the backend is a new one and nothing that
 * was on the old ring will be answered: requeue those commands, with the
 * host blocked until the new ring is connected, and start over.
 */
static int pvf_resume(struct xenbus_device *dev)
{
	struct pvf_host *h = dev_get_drvdata(&dev->dev);
	unsigned int requeued;
	int err;

	mutex_lock(&h->state_mutex);
	if (!h->resuming) {
		scsi_block_requests(h->shost);
		h->resuming = true;
	}
	requeued = pvf_ring_abandon(&h->ring, DID_REQUEUE);
	pvf_ring_free(&h->ring);
	pvf_slots_free(&h->ring);
	h->slots_ready = false;
	err = pvf_ring_connect(h);
	if (!err)
		xenbus_switch_state(dev, XenbusStateInitialised);
	mutex_unlock(&h->state_mutex);
	dev_info(&dev->dev, "resumed: %d, %u commands requeued\n", err, requeued);
	return err;
}

static const struct xenbus_device_id pvf_ids[] = {
	{ "vscsi" },
	{ "" }
};

static struct xenbus_driver pvf_driver = {
	.ids = pvf_ids,
	.probe = pvf_probe,
	.remove = pvf_remove,
	.resume = pvf_resume,
	.otherend_changed = pvf_backend_changed,
};

static int __init pvf_init(void)
{
	if (!xen_domain())
		return -ENODEV;
	return xenbus_register_frontend(&pvf_driver);
}
module_init(pvf_init);

static void __exit pvf_exit(void)
{
	xenbus_unregister_driver(&pvf_driver);
}
module_exit(pvf_exit);

MODULE_DESCRIPTION("Xen paravirtual SCSI frontend");
MODULE_LICENSE("GPL");
MODULE_ALIAS("xen:vscsi");
