// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsiback: Xen paravirtual SCSI backend passing guest commands straight
 * to the physical SCSI device.  This file: module glue, the xenbus state
 * machine of a vhost and its sysfs statistics.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <xen/xen.h>
#include <xen/xenbus.h>

#include "pvscsiback.h"
#include "vscsiback_req.h"

struct workqueue_struct *pvscsiback_wq;

static unsigned int max_segments = 128;
module_param(max_segments, uint, 0444);
MODULE_PARM_DESC(max_segments,
		 "feature-sg-grant: data segments per request (26..256, default 128)");

unsigned int pvscsiback_cmd_timeout = 60;
module_param_named(cmd_timeout, pvscsiback_cmd_timeout, uint, 0644);
MODULE_PARM_DESC(cmd_timeout,
		 "Seconds before a passed-through command is aborted (default 60)");

static struct pvscsiback_vhost *to_vhost(struct device *d)
{
	return dev_get_drvdata(d);
}

/* A statistics file: the offset of its counter in struct pvscsiback_stats. */
struct stat_attr {
	struct device_attribute attr;
	size_t off;
};

static ssize_t stat_show(struct device *d, struct device_attribute *a,
			 char *buf)
{
	struct stat_attr *sa = container_of(a, struct stat_attr, attr);
	atomic64_t *v = (void *)&to_vhost(d)->stats + sa->off;

	return sysfs_emit(buf, "%lld\n", atomic64_read(v));
}

static struct stat_attr stat_requests = {
	__ATTR(requests, 0444, stat_show, NULL),
	offsetof(struct pvscsiback_stats, requests)
};

static struct stat_attr stat_bytes = {
	__ATTR(bytes, 0444, stat_show, NULL),
	offsetof(struct pvscsiback_stats, bytes)
};

static struct stat_attr stat_errors = {
	__ATTR(errors, 0444, stat_show, NULL),
	offsetof(struct pvscsiback_stats, errors)
};

static struct stat_attr stat_bad_requests = {
	__ATTR(bad_requests, 0444, stat_show, NULL),
	offsetof(struct pvscsiback_stats, bad_requests)
};

static struct stat_attr stat_task_mgmt = {
	__ATTR(task_mgmt, 0444, stat_show, NULL),
	offsetof(struct pvscsiback_stats, task_mgmt)
};

static ssize_t in_flight_show(struct device *d, struct device_attribute *a,
			      char *buf)
{
	return sysfs_emit(buf, "%d\n",
			  atomic_read(&to_vhost(d)->stats.in_flight));
}
static DEVICE_ATTR_RO(in_flight);

static struct attribute *pvscsiback_stats_attrs[] = {
	&stat_requests.attr.attr,
	&stat_bytes.attr.attr,
	&stat_errors.attr.attr,
	&stat_bad_requests.attr.attr,
	&stat_task_mgmt.attr.attr,
	&dev_attr_in_flight.attr,
	NULL
};

static const struct attribute_group pvscsiback_stats_group = {
	.name = "stats",
	.attrs = pvscsiback_stats_attrs,
};

static int vhost_connect(struct pvscsiback_vhost *vhost)
{
	struct xenbus_device *dev = vhost->dev;
	unsigned int ref, evtchn;
	int err;

	err = xenbus_gather(XBT_NIL, dev->otherend, "ring-ref", "%u", &ref,
			    "event-channel", "%u", &evtchn, NULL);
	if (err) {
		xenbus_dev_fatal(dev, err, "reading %s ring", dev->otherend);
		return err;
	}
	err = pvscsiback_ring_connect(vhost, ref, evtchn);
	if (err)
		xenbus_dev_fatal(dev, err, "mapping ring-ref %u port %u", ref,
				 evtchn);
	return err;
}

static void frontend_initialised(struct pvscsiback_vhost *vhost)
{
	if (vhost->ring || vhost_connect(vhost))
		return;
	pvscsiback_luns_update(vhost, PVSCSIBACK_LUNS_RECONNECT);
	xenbus_switch_state(vhost->dev, XenbusStateConnected);
}

static void frontend_connected(struct pvscsiback_vhost *vhost)
{
	if (!vhost->ring)
		return;
	pvscsiback_luns_update(vhost, PVSCSIBACK_LUNS_CONNECTED);
	if (vhost->dev->state != XenbusStateConnected)
		xenbus_switch_state(vhost->dev, XenbusStateConnected);
}

static void pvscsiback_frontend_changed(struct xenbus_device *dev,
					enum xenbus_state frontend_state)
{
	struct pvscsiback_vhost *vhost = dev_get_drvdata(&dev->dev);

	switch (frontend_state) {
	case XenbusStateInitialising:
		/* A frontend coming back after Closed: offer the ring again. */
		if (dev->state == XenbusStateClosed)
			xenbus_switch_state(dev, XenbusStateInitWait);
		break;
	case XenbusStateInitialised:
		frontend_initialised(vhost);
		break;
	case XenbusStateConnected:
		frontend_connected(vhost);
		break;
	case XenbusStateClosing:
		pvscsiback_ring_disconnect(vhost);
		xenbus_switch_state(dev, XenbusStateClosing);
		break;
	case XenbusStateClosed:
		pvscsiback_ring_disconnect(vhost);
		xenbus_switch_state(dev, XenbusStateClosed);
		/*
		 * Still wanted: wait for a new frontend instance.  The stock
		 * xen-scsifront goes straight to Initialised on probe and
		 * treats a Closed backend as a disconnect, so it would never
		 * reconnect to a backend left in Closed.
		 */
		if (xenbus_dev_is_online(dev)) {
			xenbus_switch_state(dev, XenbusStateInitWait);
			break;
		}
		fallthrough;
	case XenbusStateUnknown:
		device_unregister(&dev->dev);
		break;
	case XenbusStateReconfiguring:
		pvscsiback_luns_update(vhost, PVSCSIBACK_LUNS_ADD_DEL);
		xenbus_switch_state(dev, XenbusStateReconfigured);
		break;
	default:
		xenbus_dev_fatal(dev, -EINVAL, "saw state %d at frontend",
				 frontend_state);
		break;
	}
}

static int pvscsiback_probe(struct xenbus_device *dev,
			    const struct xenbus_device_id *id)
{
	struct pvscsiback_vhost *vhost = kzalloc(sizeof(*vhost), GFP_KERNEL);
	int err;

	if (!vhost)
		return -ENOMEM;
	vhost->dev = dev;
	vhost->domid = dev->otherend_id;
	vhost->max_segs = clamp(max_segments, VSCSIBACK_MIN_SEGS,
				VSCSIBACK_MAX_SEGS);
	vhost->feature_host = xenbus_read_unsigned(dev->nodename,
						   VSCSIIF_XS_FEATURE_HOST, 0);
	mutex_init(&vhost->lun_mutex);
	INIT_LIST_HEAD(&vhost->luns);
	dev_set_drvdata(&dev->dev, vhost);

	err = xenbus_printf(XBT_NIL, dev->nodename, VSCSIIF_XS_SG_GRANT, "%u",
			    vhost->max_segs);
	if (err)
		xenbus_dev_error(dev, err, "writing %s", VSCSIIF_XS_SG_GRANT);
	err = sysfs_create_group(&dev->dev.kobj, &pvscsiback_stats_group);
	if (err)
		goto fail;
	err = xenbus_switch_state(dev, XenbusStateInitWait);
	if (err)
		goto sysfs;
	return 0;
sysfs:
	sysfs_remove_group(&dev->dev.kobj, &pvscsiback_stats_group);
fail:
	dev_set_drvdata(&dev->dev, NULL);
	kfree(vhost);
	return err;
}

static void pvscsiback_remove(struct xenbus_device *dev)
{
	struct pvscsiback_vhost *vhost = dev_get_drvdata(&dev->dev);

	pvscsiback_ring_disconnect(vhost);
	sysfs_remove_group(&dev->dev.kobj, &pvscsiback_stats_group);
	pvscsiback_luns_clear(vhost);
	dev_set_drvdata(&dev->dev, NULL);
	kfree(vhost);
}

static const struct xenbus_device_id pvscsiback_ids[] = {
	{ "vscsi" },
	{ "" }
};

static struct xenbus_driver pvscsiback_driver = {
	.ids = pvscsiback_ids,
	.probe = pvscsiback_probe,
	.remove = pvscsiback_remove,
	.otherend_changed = pvscsiback_frontend_changed,
};

static int __init pvscsiback_init(void)
{
	int err;

	if (!xen_domain())
		return -ENODEV;
	pvscsiback_wq = alloc_workqueue("pvscsiback", WQ_UNBOUND |
					WQ_MEM_RECLAIM, 0);
	if (!pvscsiback_wq)
		return -ENOMEM;
	err = xenbus_register_backend(&pvscsiback_driver);
	if (err)
		destroy_workqueue(pvscsiback_wq);
	return err;
}
module_init(pvscsiback_init);

static void __exit pvscsiback_exit(void)
{
	xenbus_unregister_driver(&pvscsiback_driver);
	destroy_workqueue(pvscsiback_wq);
}
module_exit(pvscsiback_exit);

MODULE_DESCRIPTION("Xen paravirtual SCSI backend (direct passthrough)");
MODULE_LICENSE("GPL");
MODULE_ALIAS("xen-backend:vscsi");
