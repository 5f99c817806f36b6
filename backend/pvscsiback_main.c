// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsiback: Xen paravirtual SCSI backend passing guest commands straight
 * to the physical SCSI device.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <xen/xen.h>
#include <xen/xenbus.h>
#include <xen/interface/io/vscsiif.h>

static int pvscsiback_probe(struct xenbus_device *dev,
			    const struct xenbus_device_id *id)
{
	return -ENODEV;
}

static void pvscsiback_remove(struct xenbus_device *dev)
{
}

static void pvscsiback_frontend_changed(struct xenbus_device *dev,
					enum xenbus_state frontend_state)
{
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
	if (!xen_domain())
		return -ENODEV;
	return xenbus_register_backend(&pvscsiback_driver);
}
module_init(pvscsiback_init);

static void __exit pvscsiback_exit(void)
{
	xenbus_unregister_driver(&pvscsiback_driver);
}
module_exit(pvscsiback_exit);

MODULE_DESCRIPTION("Xen paravirtual SCSI backend (direct passthrough)");
MODULE_LICENSE("GPL");
MODULE_ALIAS("xen-backend:vscsi");
