// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsifront: Xen paravirtual SCSI frontend, a virtual SCSI host whose
 * commands travel over the vscsiif ring.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <xen/xen.h>
#include <xen/xenbus.h>
#include <xen/interface/io/vscsiif.h>

static int pvscsifront_probe(struct xenbus_device *dev,
			     const struct xenbus_device_id *id)
{
	return -ENODEV;
}

static void pvscsifront_remove(struct xenbus_device *dev)
{
}

static void pvscsifront_backend_changed(struct xenbus_device *dev,
					enum xenbus_state backend_state)
{
}

static const struct xenbus_device_id pvscsifront_ids[] = {
	{ "vscsi" },
	{ "" }
};

static struct xenbus_driver pvscsifront_driver = {
	.ids = pvscsifront_ids,
	.probe = pvscsifront_probe,
	.remove = pvscsifront_remove,
	.otherend_changed = pvscsifront_backend_changed,
};

static int __init pvscsifront_init(void)
{
	if (!xen_domain())
		return -ENODEV;
	return xenbus_register_frontend(&pvscsifront_driver);
}
module_init(pvscsifront_init);

static void __exit pvscsifront_exit(void)
{
	xenbus_unregister_driver(&pvscsifront_driver);
}
module_exit(pvscsifront_exit);

MODULE_DESCRIPTION("Xen paravirtual SCSI frontend");
MODULE_LICENSE("GPL");
MODULE_ALIAS("xen:vscsi");
