// SPDX-License-Identifier: GPL-2.0-only
/*
 * pvscsiback LUN table: guest c:t:l -> physical scsi_device, driven by the
 * toolstack's vscsi-devs/dev-N nodes (initial connect and hotplug).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_host.h>

#include "pvscsiback.h"
#include "vscsiback_req.h"

/* Highest SCSI host number searched for a WWN p-dev. */
static unsigned int wwn_max_host = 1024;
module_param(wwn_max_host, uint, 0644);
MODULE_PARM_DESC(wwn_max_host,
		 "SCSI host numbers 0..N-1 are searched for a WWN p-dev (default 1024)");

static struct scsi_device *lookup_hctl(const u32 h[4]);

/* feature-host: any c:t:l of the physical host, including later ones. */
static struct pvscsiback_lun *host_lun(struct pvscsiback_vhost *vhost,
				       u16 chn, u16 tgt, u16 lun)
{
	u32 h[4] = { 0, chn, tgt, lun };
	struct pvscsiback_lun *l;

	/* Pairs with the release in host_mode_check(): host number first. */
	if (!vhost->feature_host || !smp_load_acquire(&vhost->host_known))
		return NULL;
	h[0] = READ_ONCE(vhost->feature_host_no);
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return NULL;
	l->sdev = lookup_hctl(h);
	if (!l->sdev) {
		kfree(l);
		return NULL;
	}
	kref_init(&l->kref);
	l->chn = chn;
	l->tgt = tgt;
	l->lun = lun;
	l->unlinked = true;
	return l;
}

struct pvscsiback_lun *pvscsiback_lun_get(struct pvscsiback_vhost *vhost,
					  u16 chn, u16 tgt, u16 lun)
{
	struct pvscsiback_lun *l, *found = NULL;

	rcu_read_lock();
	list_for_each_entry_rcu(l, &vhost->luns, node) {
		if (l->chn == chn && l->tgt == tgt && l->lun == lun) {
			if (kref_get_unless_zero(&l->kref))
				found = l;
			break;
		}
	}
	rcu_read_unlock();
	return found ?: host_lun(vhost, chn, tgt, lun);
}

static void lun_release(struct kref *kref)
{
	struct pvscsiback_lun *l = container_of(kref, struct pvscsiback_lun,
						kref);

	scsi_device_put(l->sdev);
	kfree(l->pdev);
	kfree_rcu(l, rcu);
}

void pvscsiback_lun_put(struct pvscsiback_lun *lun)
{
	kref_put(&lun->kref, lun_release);
}

static int cmp_u16(const void *a, const void *b)
{
	return *(const u16 *)a - *(const u16 *)b;
}

/* The guest's LUNs of one target, sorted, for REPORT LUNS. */
unsigned int pvscsiback_target_luns(struct pvscsiback_vhost *vhost, u16 chn,
				    u16 tgt, u16 *luns, unsigned int max)
{
	struct pvscsiback_lun *l;
	unsigned int n = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(l, &vhost->luns, node) {
		if (l->chn == chn && l->tgt == tgt && n < max)
			luns[n++] = l->lun;
	}
	rcu_read_unlock();
	sort(luns, n, sizeof(*luns), cmp_u16, NULL);
	return n;
}

static struct scsi_device *lookup_hctl(const u32 h[4])
{
	struct Scsi_Host *shost = scsi_host_lookup(h[0]);
	struct scsi_device *sdev;

	if (!shost)
		return NULL;
	/* scsi_device_lookup() returns the device with a reference held. */
	sdev = scsi_device_lookup(shost, h[1], h[2], h[3]);
	scsi_host_put(shost);
	return sdev;
}

static bool sdev_has_wwn(struct scsi_device *sdev, const char *wwn)
{
	char id[256];
	int len = scsi_vpd_lun_id(sdev, id, sizeof(id));

	return len > 0 && len < sizeof(id) && !strcmp(id, wwn);
}

/* No exported iterator over all SCSI devices: walk the host numbers. */
static struct scsi_device *lookup_wwn(const char *wwn)
{
	struct scsi_device *sdev;
	struct Scsi_Host *shost;
	unsigned int h;

	for (h = 0; h < wwn_max_host; h++) {
		shost = scsi_host_lookup(h);
		if (!shost)
			continue;
		shost_for_each_device(sdev, shost) {
			if (sdev_has_wwn(sdev, wwn)) {
				/* The iterator's reference is now ours. */
				scsi_host_put(shost);
				return sdev;
			}
		}
		scsi_host_put(shost);
	}
	return NULL;
}

static struct scsi_device *lookup_pdev(const char *pdev)
{
	u32 h[4];

	if (!vscsiback_parse_hctl(pdev, h))
		return lookup_hctl(h);
	return lookup_wwn(pdev);
}

static struct pvscsiback_lun *find_by_name(struct pvscsiback_vhost *vhost,
					   const char *name)
{
	struct pvscsiback_lun *l;

	list_for_each_entry(l, &vhost->luns, node)
		if (!strcmp(l->devname, name))
			return l;
	return NULL;
}

/* Called with lun_mutex held: one guest address maps one device. */
static bool vdev_taken(struct pvscsiback_vhost *vhost,
		       const struct pvscsiback_lun *new)
{
	struct pvscsiback_lun *l;

	list_for_each_entry(l, &vhost->luns, node)
		if (l->chn == new->chn && l->tgt == new->tgt &&
		    l->lun == new->lun)
			return true;
	return false;
}

static void set_dev_state(struct pvscsiback_vhost *vhost, const char *name,
			  enum xenbus_state state)
{
	struct xenbus_device *dev = vhost->dev;
	char path[64];
	int err;

	snprintf(path, sizeof(path), "vscsi-devs/%s/state", name);
	err = xenbus_printf(XBT_NIL, dev->nodename, path, "%d", state);
	if (err)
		xenbus_dev_error(dev, err, "writing vscsi-devs/%s/state", name);
}

static char *read_dev_node(struct pvscsiback_vhost *vhost, const char *name,
			   const char *node)
{
	char path[64];

	snprintf(path, sizeof(path), "vscsi-devs/%s/%s", name, node);
	return xenbus_read(XBT_NIL, vhost->dev->nodename, path, NULL);
}

/* Parses the guest address; v-dev fields travel as 16 bits on the ring. */
static int read_vdev(struct pvscsiback_vhost *vhost, const char *name,
		     struct pvscsiback_lun *l)
{
	char *vdev = read_dev_node(vhost, name, "v-dev");
	u32 v[4];
	int err;

	if (IS_ERR(vdev))
		return PTR_ERR(vdev);
	err = vscsiback_parse_hctl(vdev, v);
	kfree(vdev);
	if (err || v[1] > U16_MAX || v[2] > U16_MAX || v[3] > U16_MAX)
		return -EINVAL;
	l->chn = v[1];
	l->tgt = v[2];
	l->lun = v[3];
	return 0;
}

static int lun_fill(struct pvscsiback_vhost *vhost, const char *name,
		    struct pvscsiback_lun *l)
{
	char *pdev;
	int err;

	err = read_vdev(vhost, name, l);
	if (err) {
		xenbus_dev_error(vhost->dev, err, "%s: bad v-dev", name);
		return err;
	}
	pdev = read_dev_node(vhost, name, "p-dev");
	if (IS_ERR(pdev)) {
		xenbus_dev_error(vhost->dev, PTR_ERR(pdev), "%s: no p-dev", name);
		return PTR_ERR(pdev);
	}
	l->sdev = lookup_pdev(pdev);
	if (!l->sdev) {
		xenbus_dev_error(vhost->dev, -ENODEV,
				 "%s: p-dev %s not found", name, pdev);
		kfree(pdev);
		return -ENODEV;
	}
	l->pdev = pdev;
	return 0;
}

/*
 * feature-host: all LUNs come from one physical host and keep their
 * physical c:t:l, so that LUNs appearing later line up too.
 */
static int host_mode_check(struct pvscsiback_vhost *vhost,
			   const struct pvscsiback_lun *l)
{
	struct scsi_device *sdev = l->sdev;

	if (!vhost->feature_host)
		return 0;
	if (sdev->channel != l->chn || sdev->id != l->tgt ||
	    sdev->lun != l->lun)
		return -EINVAL;
	if (!vhost->host_known) {
		WRITE_ONCE(vhost->feature_host_no, sdev->host->host_no);
		/* Dispatch reads host_known with acquire, then the number. */
		smp_store_release(&vhost->host_known, true);
		return 0;
	}
	return sdev->host->host_no == vhost->feature_host_no ? 0 : -EXDEV;
}

static void lun_free_unused(struct pvscsiback_lun *l)
{
	if (l->sdev)
		scsi_device_put(l->sdev);
	kfree(l->pdev);
	kfree(l);
}

static void lun_add(struct pvscsiback_vhost *vhost, const char *name)
{
	struct pvscsiback_lun *l = kzalloc(sizeof(*l), GFP_KERNEL);
	int err;

	if (!l || strscpy(l->devname, name, sizeof(l->devname)) < 0 ||
	    lun_fill(vhost, name, l))
		goto fail;
	err = vdev_taken(vhost, l) ? -EEXIST : host_mode_check(vhost, l);
	if (err) {
		xenbus_dev_error(vhost->dev, err, "%s: v-dev in use or not %s",
				 name, "on the feature-host host at its c:t:l");
		goto fail;
	}
	kref_init(&l->kref);
	list_add_rcu(&l->node, &vhost->luns);
	set_dev_state(vhost, name, XenbusStateInitialised);
	return;
fail:
	if (l)
		lun_free_unused(l);
	set_dev_state(vhost, name, XenbusStateClosed);
}

static bool sdev_gone(struct scsi_device *sdev)
{
	return sdev->sdev_state == SDEV_DEL || sdev->sdev_state == SDEV_CANCEL;
}

/* Replaces a table entry whose device went away by its p-dev's new one. */
static struct pvscsiback_lun *lun_rebind(struct pvscsiback_vhost *vhost,
					 struct pvscsiback_lun *old)
{
	struct pvscsiback_lun *l = kzalloc(sizeof(*l), GFP_KERNEL);

	if (!l)
		return NULL;
	l->pdev = kstrdup(old->pdev, GFP_KERNEL);
	l->sdev = l->pdev ? lookup_pdev(l->pdev) : NULL;
	if (!l->sdev) {
		lun_free_unused(l);
		return NULL;
	}
	l->chn = old->chn;
	l->tgt = old->tgt;
	l->lun = old->lun;
	strscpy(l->devname, old->devname, sizeof(l->devname));
	kref_init(&l->kref);
	kref_get(&l->kref);		/* the caller's */
	list_replace_rcu(&old->node, &l->node);
	old->unlinked = true;
	pvscsiback_lun_put(old);	/* the table's */
	dev_info(&vhost->dev->dev, "%s: p-dev %s bound again\n", l->devname,
		 l->pdev);
	return l;
}

/*
 * Called with a reference on @lun before using its device.  A deleted
 * device is looked up again by p-dev (at most once a second), so a LUN
 * whose WWN comes back is served again.  Returns the LUN to use (the
 * reference moves with it) or NULL when the device is gone.
 */
struct pvscsiback_lun *pvscsiback_lun_alive(struct pvscsiback_vhost *vhost,
					    struct pvscsiback_lun *lun)
{
	struct pvscsiback_lun *l = NULL;

	if (likely(!sdev_gone(lun->sdev)))
		return lun;
	mutex_lock(&vhost->lun_mutex);
	if (!lun->unlinked && lun->pdev &&
	    time_after_eq(jiffies, lun->next_rebind)) {
		lun->next_rebind = jiffies + HZ;
		l = lun_rebind(vhost, lun);
	}
	mutex_unlock(&vhost->lun_mutex);
	pvscsiback_lun_put(lun);
	return l;
}

static void lun_unlink(struct pvscsiback_lun *l)
{
	list_del_rcu(&l->node);
	l->unlinked = true;
	pvscsiback_lun_put(l);
}

static void lun_del(struct pvscsiback_vhost *vhost, const char *name)
{
	struct pvscsiback_lun *l = find_by_name(vhost, name);

	if (l)
		lun_unlink(l);
	set_dev_state(vhost, name, XenbusStateClosed);
}

/* One dev-N node: the transitions of the stock vscsi hotplug protocol. */
static void lun_hotplug_one(struct pvscsiback_vhost *vhost, const char *name,
			    enum pvscsiback_luns_op op)
{
	char path[64];
	unsigned int state;

	snprintf(path, sizeof(path), "vscsi-devs/%s/state", name);
	state = xenbus_read_unsigned(vhost->dev->nodename, path,
				     XenbusStateUnknown);
	switch (op) {
	case PVSCSIBACK_LUNS_CONNECTED:
		if (state == XenbusStateInitialised)
			set_dev_state(vhost, name, XenbusStateConnected);
		return;
	case PVSCSIBACK_LUNS_RECONNECT:
		/* A new frontend instance adds only Initialised LUNs. */
		if (state == XenbusStateConnected && find_by_name(vhost, name))
			set_dev_state(vhost, name, XenbusStateInitialised);
		break;
	case PVSCSIBACK_LUNS_ADD_DEL:
		break;
	}
	if (state == XenbusStateInitialising)
		lun_add(vhost, name);
	else if (state == XenbusStateClosing)
		lun_del(vhost, name);
}

void pvscsiback_luns_update(struct pvscsiback_vhost *vhost,
			    enum pvscsiback_luns_op op)
{
	unsigned int i, n;
	char **dir;

	dir = xenbus_directory(XBT_NIL, vhost->dev->nodename, "vscsi-devs",
			       &n);
	if (IS_ERR(dir))
		return;
	mutex_lock(&vhost->lun_mutex);
	for (i = 0; i < n; i++)
		lun_hotplug_one(vhost, dir[i], op);
	mutex_unlock(&vhost->lun_mutex);
	kfree(dir);
}

void pvscsiback_luns_clear(struct pvscsiback_vhost *vhost)
{
	struct pvscsiback_lun *l, *tmp;

	mutex_lock(&vhost->lun_mutex);
	list_for_each_entry_safe(l, tmp, &vhost->luns, node)
		lun_unlink(l);
	mutex_unlock(&vhost->lun_mutex);
}
