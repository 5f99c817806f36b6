// SPDX-License-Identifier: GPL-2.0
/*
 * Writing vhosts and LUNs in the layout of vscsiif.h, and the state
 * dances with the frontend: every change is one transaction, and every
 * failure path takes back what it wrote so xenstore is left as found.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "xsutil.h"

static void be_path(char *buf, unsigned int domid, unsigned int devid)
{
	snprintf(buf, XS_PATH_LEN, BACKEND_ROOT "/%u/%u", domid, devid);
}

static void fe_path(char *buf, unsigned int domid, unsigned int devid)
{
	snprintf(buf, XS_PATH_LEN, "/local/domain/%u/device/vscsi/%u",
		 domid, devid);
}

/* h:c:t:l compare numerically (2:0:01:0 is 2:0:1:0), names ignore case. */
bool pdev_equal(const char *a, const char *b)
{
	struct vscsi_phys_hctl x, y;

	if (!vscsi_parse_phys_hctl(a, &x) && !vscsi_parse_phys_hctl(b, &y))
		return x.host == y.host && x.channel == y.channel &&
		       x.target == y.target && x.lun == y.lun;
	return !strcasecmp(a, b);
}

static const struct lun *find_pdev(const struct domvs *d, const char *pdev,
				   char *vdev, size_t len)
{
	for (size_t i = 0; i < d->nr_vhosts; i++)
		for (size_t j = 0; j < d->vhosts[i].nr_luns; j++) {
			const struct lun *l = &d->vhosts[i].luns[j];

			if (!pdev_equal(l->pdev, pdev))
				continue;
			if (l->vdev_ok)
				vscsi_format_virt_hctl(vdev, len, &l->vdev);
			else
				snprintf(vdev, len, "?");
			return l;
		}
	return NULL;
}

int check_pdev_free(struct ctx *c, xs_transaction_t t, const char *entry,
		    const char *pdev)
{
	unsigned int n, id;
	char **ids;
	int rc = 0;

	if (c->force)
		return 0;
	ids = xdir(c, t, &n, BACKEND_ROOT);
	for (unsigned int i = 0; i < n && !rc; i++) {
		struct domvs d;
		char vdev[32], *name;

		if (!parse_uint(ids[i], 0x7fef, &id) || !domain_alive(c, t, id))
			continue;
		if (domvs_read(c, t, id, &d)) {
			rc = -1;
			break;
		}
		if (find_pdev(&d, pdev, vdev, sizeof(vdev))) {
			name = domain_name(c, id);
			errmsg("vscsi entry '%s': pdev %s is already attached to domain %u (%s) as %s; use --force to share it",
			       entry, pdev, id, name ? name : "?", vdev);
			free(name);
			rc = -1;
		}
		domvs_free(&d);
	}
	free(ids);
	return rc;
}

static bool write_lun(struct ctx *c, xs_transaction_t t, const char *be,
		      const struct lun *l)
{
	char dev[XS_PATH_LEN], v[32];

	snprintf(dev, sizeof(dev), "%s/vscsi-devs/dev-%u", be, l->devn);
	vscsi_format_virt_hctl(v, sizeof(v), &l->vdev);
	return xwrite_at(c, t, dev, "p-dev", l->pdev) &&
	       xwrite_at(c, t, dev, "v-dev", v) &&
	       (!l->pdevname[0] ||
		xwrite_at(c, t, dev, "p-devname", l->pdevname)) &&
	       xwrite_at(c, t, dev, "state", "1");
}

static bool write_backend(struct ctx *c, xs_transaction_t t,
			  unsigned int domid, const struct vhost *vh,
			  const char *be, const char *fe)
{
	char num[16];

	if (!xmkdir_perms(c, t, be, BACKEND_DOMID, domid) ||
	    !xwrite_at(c, t, be, "frontend", fe))
		return false;
	snprintf(num, sizeof(num), "%u", domid);
	if (!xwrite_at(c, t, be, "frontend-id", num) ||
	    !xwrite_at(c, t, be, "online", "1") ||
	    !xwrite_at(c, t, be, "feature-host", vh->feature_host ? "1" : "0"))
		return false;
	snprintf(num, sizeof(num), "%d", vh->ctrl);
	if (!xwrite_at(c, t, be, "libxl_ctrl_index", num))
		return false;
	for (size_t i = 0; i < vh->nr_luns; i++)
		if (!write_lun(c, t, be, &vh->luns[i]))
			return false;
	return true;
}

static bool write_frontend(struct ctx *c, xs_transaction_t t,
			   unsigned int domid, const char *be, const char *fe)
{
	char dir[XS_PATH_LEN], num[16];

	snprintf(dir, sizeof(dir), "/local/domain/%u/device/vscsi", domid);
	if (!xexists(c, t, "%s", dir) &&
	    !xmkdir_perms(c, t, dir, domid, BACKEND_DOMID))
		return false;
	snprintf(num, sizeof(num), "%u", BACKEND_DOMID);
	return xmkdir_perms(c, t, fe, domid, BACKEND_DOMID) &&
	       xwrite_at(c, t, fe, "backend", be) &&
	       xwrite_at(c, t, fe, "backend-id", num) &&
	       xwrite_at(c, t, fe, "state", "1");
}

/* A whole new vhost with its LUNs; the backend's state node goes last. */
static int write_vhost(struct ctx *c, xs_transaction_t t, unsigned int domid,
		       const struct vhost *vh)
{
	char be[XS_PATH_LEN], fe[XS_PATH_LEN];

	be_path(be, domid, vh->devid);
	fe_path(fe, domid, vh->devid);
	if (xexists(c, t, "%s", be) || xexists(c, t, "%s", fe)) {
		errmsg("vhost %u of domain %u already exists", vh->devid, domid);
		return -1;
	}
	if (!write_backend(c, t, domid, vh, be, fe) ||
	    !write_frontend(c, t, domid, be, fe) ||
	    !xwrite_at(c, t, be, "state", "1"))
		return -1;
	return 0;
}

struct new_vhosts {
	unsigned int domid;
	const struct vhost *vh;
	size_t n;
};

static int new_vhosts_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct new_vhosts *a = arg;

	for (size_t i = 0; i < a->n; i++)
		if (write_vhost(c, t, a->domid, &a->vh[i]))
			return -1;
	return 0;
}

int write_new_vhosts(struct ctx *c, unsigned int domid,
		     const struct vhost *vh, size_t n)
{
	struct new_vhosts a = { .domid = domid, .vh = vh, .n = n };

	return txn_run(c, new_vhosts_txn, &a);
}

/* libxl numbers a new device one above the highest devid in use. */
static unsigned int next_devid(struct ctx *c, xs_transaction_t t,
			       unsigned int domid)
{
	unsigned int n, id, next = 0;
	char **d = xdir(c, t, &n, BACKEND_ROOT "/%u", domid);

	for (unsigned int i = 0; i < n; i++)
		if (parse_uint(d[i], 0x7fffffff, &id) && id + 1 > next)
			next = id + 1;
	free(d);
	d = xdir(c, t, &n, "/local/domain/%u/device/vscsi", domid);
	for (unsigned int i = 0; i < n; i++)
		if (parse_uint(d[i], 0x7fffffff, &id) && id + 1 > next)
			next = id + 1;
	free(d);
	return next;
}

/* Waiting for states of one LUN and its vhost; -1 means "any". */
struct lun_watch {
	unsigned int domid, devid, devn;
	int want_vh, want_dev, bad_dev;
	int vh, dev;
};

static int lun_cond(struct ctx *c, void *arg)
{
	struct lun_watch *w = arg;

	w->vh = xread_int(c, XBT_NULL, -1, BACKEND_ROOT "/%u/%u/state",
			  w->domid, w->devid);
	w->dev = xread_int(c, XBT_NULL, -1,
			   BACKEND_ROOT "/%u/%u/vscsi-devs/dev-%u/state",
			   w->domid, w->devid, w->devn);
	if (!domain_alive(c, XBT_NULL, w->domid))
		return -ENODEV;
	if (w->bad_dev >= 0 && w->dev == w->bad_dev)
		return -EIO;
	if ((w->want_dev < 0 || w->dev == w->want_dev) &&
	    (w->want_vh < 0 || w->vh == w->want_vh))
		return 1;
	return 0;
}

static int wait_lun(struct ctx *c, struct lun_watch *w)
{
	char be[XS_PATH_LEN];

	be_path(be, w->domid, w->devid);
	return wait_cond(c, be, lun_cond, w);
}

struct lun_ref {
	unsigned int domid, devid, devn;
};

/* The vhost's backend directory and the LUN's dev-N directory in it. */
static bool lun_paths(char *be, char *dev, const struct lun_ref *r)
{
	be_path(be, r->domid, r->devid);
	return snprintf(dev, XS_PATH_LEN, "%s/vscsi-devs/dev-%u", be,
			r->devn) < XS_PATH_LEN;
}

/* Begin removing a LUN: Reconfiguring + dev Closing, if still connected. */
static int lun_close_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct lun_ref *r = arg;
	char be[XS_PATH_LEN], dev[XS_PATH_LEN];

	if (!lun_paths(be, dev, r))
		return -1;
	if (xread_int(c, t, -1, "%s/state", be) != XS_CONNECTED) {
		errmsg("vhost %u of domain %u is busy (state %s); try again",
		       r->devid, r->domid,
		       state_name(xread_int(c, t, -1, "%s/state", be)));
		return -1;
	}
	return xwrite_at(c, t, be, "state", "7") &&
	       xwrite_at(c, t, dev, "state", "5") ? 0 : -1;
}

/* Put back what lun_close_txn wrote when the guest never answered. */
static int lun_reopen_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct lun_ref *r = arg;
	char be[XS_PATH_LEN], dev[XS_PATH_LEN];

	if (!lun_paths(be, dev, r))
		return -1;
	if (xread_int(c, t, -1, "%s/state", dev) == XS_CLOSING &&
	    !xwrite_at(c, t, dev, "state", "4"))
		return -1;
	if (xread_int(c, t, -1, "%s/state", be) == XS_RECONFIGURING &&
	    !xwrite_at(c, t, be, "state", "4"))
		return -1;
	return 0;
}

/* Delete a LUN's nodes on both sides; an abandoned Reconfiguring ends. */
static int lun_rm_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct lun_ref *r = arg;
	char be[XS_PATH_LEN];

	be_path(be, r->domid, r->devid);
	if (!xrm(c, t, "%s/vscsi-devs/dev-%u", be, r->devn) ||
	    !xrm(c, t, "/local/domain/%u/device/vscsi/%u/vscsi-devs/dev-%u",
		 r->domid, r->devid, r->devn))
		return -1;
	if (xread_int(c, t, -1, "%s/state", be) == XS_RECONFIGURING &&
	    !xwrite_at(c, t, be, "state", "4"))
		return -1;
	return 0;
}

/* The removal dance; returns 0 once the backend reports the LUN Closed. */
static int lun_close(struct ctx *c, struct lun_ref *r)
{
	struct lun_watch w = {
		.domid = r->domid, .devid = r->devid, .devn = r->devn,
		.want_vh = XS_CONNECTED, .want_dev = XS_CLOSED, .bad_dev = -1,
	};
	int rc = txn_run(c, lun_close_txn, r);

	return rc ? rc : wait_lun(c, &w);
}

static void rollback_lun(struct ctx *c, struct lun_ref *r)
{
	int dev = xread_int(c, XBT_NULL, -1,
			    BACKEND_ROOT "/%u/%u/vscsi-devs/dev-%u/state",
			    r->domid, r->devid, r->devn);

	/* Added on the backend side already: take it out properly first. */
	if (dev == XS_INITIALISED || dev == XS_CONNECTED)
		lun_close(c, r);
	txn_run(c, lun_rm_txn, r);
}

static int vhost_closing_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct lun_ref *r = arg;
	char be[XS_PATH_LEN];

	be_path(be, r->domid, r->devid);
	return xwrite_at(c, t, be, "online", "0") &&
	       xwrite_at(c, t, be, "state", "5") ? 0 : -1;
}

static int vhost_closed_cond(struct ctx *c, void *arg)
{
	const struct lun_ref *r = arg;
	int be = xread_int(c, XBT_NULL, -1, BACKEND_ROOT "/%u/%u/state",
			   r->domid, r->devid);
	int fe = xread_int(c, XBT_NULL, -1,
			   "/local/domain/%u/device/vscsi/%u/state",
			   r->domid, r->devid);

	return be == XS_CLOSED || fe == XS_CLOSED || fe < 0;
}

static void rm_if_empty(struct ctx *c, xs_transaction_t t, const char *path)
{
	unsigned int n;
	char **d = xdir(c, t, &n, "%s", path);

	if (d && !n)
		xrm(c, t, "%s", path);
	free(d);
}

static int vhost_rm_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const struct lun_ref *r = arg;
	char be[XS_PATH_LEN], fe[XS_PATH_LEN];

	be_path(be, r->domid, r->devid);
	fe_path(fe, r->domid, r->devid);
	/* libxl drops a device's error node with the device. */
	if (!xrm(c, t, "%s", be) || !xrm(c, t, "%s", fe) ||
	    !xrm(c, t, ERROR_ROOT "/%u/%u", r->domid, r->devid))
		return -1;
	snprintf(be, sizeof(be), BACKEND_ROOT "/%u", r->domid);
	rm_if_empty(c, t, be);
	snprintf(be, sizeof(be), ERROR_ROOT "/%u", r->domid);
	rm_if_empty(c, t, be);
	snprintf(fe, sizeof(fe), "/local/domain/%u/device/vscsi", r->domid);
	rm_if_empty(c, t, fe);
	return 0;
}

/*
 * Close a vhost as libxl closes a device: online 0 + Closing, wait for
 * Closed when a frontend is there to answer, then delete both sides
 * (also after a timeout, as libxl's forced removal does).
 */
static int teardown_vhost(struct ctx *c, unsigned int domid,
			  unsigned int devid)
{
	struct lun_ref r = { .domid = domid, .devid = devid };
	int fe = xread_int(c, XBT_NULL, -1,
			   "/local/domain/%u/device/vscsi/%u/state", domid, devid);
	char be[XS_PATH_LEN];

	be_path(be, domid, devid);
	if (fe > XS_INITIALISING && fe != XS_CLOSED &&
	    !txn_run(c, vhost_closing_txn, &r) &&
	    wait_cond(c, be, vhost_closed_cond, &r))
		errmsg("warning: vhost %u of domain %u did not close in time; removed anyway",
		       devid, domid);
	return txn_run(c, vhost_rm_txn, &r);
}

enum attach_mode { ATTACH_NEW_VHOST, ATTACH_DANCE, ATTACH_QUEUED };

struct attach_arg {
	unsigned int domid;
	const char *entry;
	const struct vscsi_entry *e;
	struct lun lun;
	enum attach_mode mode;
	unsigned int devid;
};

static bool vdev_in_use(const struct domvs *d, const struct vscsi_virt_hctl *v)
{
	for (size_t i = 0; i < d->nr_vhosts; i++)
		for (size_t j = 0; j < d->vhosts[i].nr_luns; j++)
			if (d->vhosts[i].luns[j].vdev_ok &&
			    vscsi_virt_hctl_equal(&d->vhosts[i].luns[j].vdev, v))
				return true;
	return false;
}

static int attach_new_vhost(struct ctx *c, xs_transaction_t t,
			    struct attach_arg *a)
{
	struct vhost vh = {
		.devid = next_devid(c, t, a->domid), .ctrl = a->e->vdev.host,
		.feature_host = a->e->feature_host, .luns = &a->lun, .nr_luns = 1,
	};

	a->lun.devn = 0;
	a->mode = ATTACH_NEW_VHOST;
	a->devid = vh.devid;
	return write_vhost(c, t, a->domid, &vh);
}

static int attach_to_vhost(struct ctx *c, xs_transaction_t t,
			   struct attach_arg *a, const struct vhost *vh)
{
	char be[XS_PATH_LEN];

	if (vh->feature_host != a->e->feature_host) {
		errmsg("vscsi entry '%s': vhost %u (vdev host %d) %s feature-host",
		       a->entry, vh->devid, vh->ctrl,
		       vh->feature_host ? "uses" : "does not use");
		return -1;
	}
	a->devid = vh->devid;
	a->lun.devn = vh->nr_luns ? vh->luns[vh->nr_luns - 1].devn + 1 : 0;
	be_path(be, a->domid, vh->devid);
	if (vh->state == XS_CONNECTED) {
		a->mode = ATTACH_DANCE;
		if (!xwrite_at(c, t, be, "state", "7"))
			return -1;
	} else if (vh->state >= XS_INITIALISING && vh->state <= XS_INITIALISED) {
		/* Not connected yet: the backend adds it when it connects. */
		a->mode = ATTACH_QUEUED;
	} else {
		errmsg("vscsi entry '%s': vhost %u of domain %u is busy (state %s); try again",
		       a->entry, vh->devid, a->domid, state_name(vh->state));
		return -1;
	}
	return write_lun(c, t, be, &a->lun) ? 0 : -1;
}

static int attach_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	struct attach_arg *a = arg;
	const struct vhost *vh = NULL;
	struct domvs d;
	char v[32];
	int rc;

	if (!domain_alive(c, t, a->domid)) {
		errmsg("vscsi entry '%s': domain %u went away", a->entry, a->domid);
		return -1;
	}
	if (check_pdev_free(c, t, a->entry, a->lun.pdev) ||
	    domvs_read(c, t, a->domid, &d))
		return -1;
	if (vdev_in_use(&d, &a->lun.vdev)) {
		vscsi_format_virt_hctl(v, sizeof(v), &a->lun.vdev);
		errmsg("vscsi entry '%s': vdev %s is already in use on domain %u",
		       a->entry, v, a->domid);
		domvs_free(&d);
		return -1;
	}
	for (size_t i = 0; i < d.nr_vhosts && !vh; i++)
		if (d.vhosts[i].ctrl == a->e->vdev.host)
			vh = &d.vhosts[i];
	rc = vh ? attach_to_vhost(c, t, a, vh) : attach_new_vhost(c, t, a);
	domvs_free(&d);
	return rc;
}

static const char *wait_failure(int rc)
{
	switch (rc) {
	case -EIO:
		return "the backend refused the device (LUN state Closed)";
	case -ENODEV:
		return "the domain went away";
	default:
		return "timed out waiting for the guest to connect the LUN";
	}
}

int attach_lun(struct ctx *c, unsigned int domid, const char *entry,
	       const struct vscsi_entry *e, const struct lun *l)
{
	struct attach_arg a = { .domid = domid, .entry = entry, .e = e, .lun = *l };
	struct lun_watch w = {
		.domid = domid, .want_vh = XS_CONNECTED, .want_dev = XS_CONNECTED,
		.bad_dev = XS_CLOSED,
	};
	struct lun_ref r = { .domid = domid };
	int rc;

	a.lun.vdev = e->vdev;
	if (txn_run(c, attach_txn, &a))
		return -1;
	if (a.mode == ATTACH_QUEUED)
		return 0;
	w.devid = a.devid;
	w.devn = a.lun.devn;
	r.devid = a.devid;
	r.devn = a.lun.devn;
	rc = wait_lun(c, &w);
	if (!rc)
		return 0;
	errmsg("vscsi entry '%s': %s (vhost %u state %s, LUN state %s); nothing attached",
	       entry, wait_failure(rc), a.devid, state_name(w.vh),
	       state_name(w.dev));
	/* A refused LUN still ends the dance: let it, then take it out. */
	if (rc == -EIO) {
		w.want_dev = -1;
		w.bad_dev = -1;
		wait_lun(c, &w);
	}
	if (a.mode == ATTACH_NEW_VHOST)
		teardown_vhost(c, domid, a.devid);
	else
		rollback_lun(c, &r);
	return -1;
}

static const struct vhost *find_vdev(const struct domvs *d,
				     const struct vscsi_virt_hctl *v,
				     const struct lun **lun)
{
	for (size_t i = 0; i < d->nr_vhosts; i++)
		for (size_t j = 0; j < d->vhosts[i].nr_luns; j++)
			if (d->vhosts[i].luns[j].vdev_ok &&
			    vscsi_virt_hctl_equal(&d->vhosts[i].luns[j].vdev, v)) {
				*lun = &d->vhosts[i].luns[j];
				return &d->vhosts[i];
			}
	return NULL;
}

/* The dance for a connected LUN; on a timeout the LUN stays unless forced. */
static int detach_connected(struct ctx *c, struct lun_ref *r,
			    const char *vdev_text)
{
	int rc = lun_close(c, r);

	if (!rc || rc == -ENODEV)
		return 0;
	if (rc != -ETIMEDOUT)
		return -1;
	if (c->force) {
		errmsg("warning: domain %u did not release vdev %s in time; removing it anyway",
		       r->domid, vdev_text);
		return 0;
	}
	txn_run(c, lun_reopen_txn, r);
	errmsg("detach of vdev %s from domain %u timed out; the guest did not release it, so it stays attached (--force removes it anyway)",
	       vdev_text, r->domid);
	return -1;
}

int detach_lun(struct ctx *c, unsigned int domid,
	       const struct vscsi_virt_hctl *vdev, const char *vdev_text)
{
	struct lun_ref r = { .domid = domid };
	const struct lun *l = NULL;
	const struct vhost *vh;
	struct domvs d;
	bool last;
	int rc = -1;

	if (domvs_read(c, XBT_NULL, domid, &d))
		return -1;
	vh = find_vdev(&d, vdev, &l);
	if (!vh) {
		errmsg("no vscsi LUN with vdev %s on domain %u", vdev_text, domid);
		goto out;
	}
	r.devid = vh->devid;
	r.devn = l->devn;
	last = vh->nr_luns == 1;
	if (vh->state == XS_CONNECTED &&
	    (l->state == XS_INITIALISED || l->state == XS_CONNECTED)) {
		if (detach_connected(c, &r, vdev_text))
			goto out;
	} else if ((vh->state == XS_RECONFIGURING ||
		    vh->state == XS_RECONFIGURED) && !c->force) {
		errmsg("vhost %u of domain %u is busy (state %s); try again",
		       vh->devid, domid, state_name(vh->state));
		goto out;
	}
	rc = txn_run(c, lun_rm_txn, &r);
	if (!rc && last)
		rc = teardown_vhost(c, domid, r.devid);
out:
	domvs_free(&d);
	return rc;
}

static int rm_domain_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	const unsigned int *domid = arg;

	return xrm(c, t, BACKEND_ROOT "/%u", *domid) &&
	       xrm(c, t, ERROR_ROOT "/%u", *domid) &&
	       xrm(c, t, "/local/domain/%u/device/vscsi", *domid) ? 0 : -1;
}

int remove_all_vhosts(struct ctx *c, unsigned int domid)
{
	return txn_run(c, rm_domain_txn, &domid);
}
