// SPDX-License-Identifier: GPL-2.0
/*
 * Domains by name or id, the vscsi state of a domain as read from its
 * backend directory, and removal of backend directories of dead domains
 * (xl destroy removes /local/domain/<domid> but not backend/vscsi/<domid>,
 * which it does not know about).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xsutil.h"

/* Xen's DOMID_FIRST_RESERVED: ids from here on are not domains. */
#define DOMID_MAX 0x7fef

bool domain_alive(struct ctx *c, xs_transaction_t t, unsigned int domid)
{
	return xexists(c, t, "/local/domain/%u", domid);
}

char *domain_name(struct ctx *c, unsigned int domid)
{
	return xread(c, XBT_NULL, "/local/domain/%u/name", domid);
}

static int lookup_by_name(struct ctx *c, const char *name, unsigned int *domid)
{
	unsigned int n, id;
	char **ids = xdir(c, XBT_NULL, &n, "/local/domain");
	int rc = -1;

	for (unsigned int i = 0; i < n && rc; i++) {
		char *dn;

		if (!parse_uint(ids[i], DOMID_MAX, &id))
			continue;
		dn = domain_name(c, id);
		if (dn && !strcmp(dn, name)) {
			*domid = id;
			rc = 0;
		}
		free(dn);
	}
	free(ids);
	return rc;
}

int domain_lookup(struct ctx *c, const char *arg, unsigned int *domid)
{
	int rc;

	if (parse_uint(arg, DOMID_MAX, domid))
		rc = domain_alive(c, XBT_NULL, *domid) ? 0 : -1;
	else
		rc = lookup_by_name(c, arg, domid);
	if (rc) {
		errmsg("unknown domain '%s'", arg);
		return -1;
	}
	if (*domid == BACKEND_DOMID) {
		errmsg("domain '%s' is Dom0, which holds the backend", arg);
		return -1;
	}
	return 0;
}

static int cmp_lun(const void *a, const void *b)
{
	const struct lun *x = a, *y = b;

	return (x->devn > y->devn) - (x->devn < y->devn);
}

static int cmp_vhost(const void *a, const void *b)
{
	const struct vhost *x = a, *y = b;

	return (x->devid > y->devid) - (x->devid < y->devid);
}

static void read_lun(struct ctx *c, xs_transaction_t t, const char *dev,
		     struct lun *l)
{
	char *s;

	s = xread(c, t, "%s/p-dev", dev);
	snprintf(l->pdev, sizeof(l->pdev), "%s", s ? s : "");
	free(s);
	s = xread(c, t, "%s/p-devname", dev);
	snprintf(l->pdevname, sizeof(l->pdevname), "%s", s ? s : "");
	free(s);
	s = xread(c, t, "%s/v-dev", dev);
	l->vdev_ok = s && !vscsi_parse_virt_hctl(s, &l->vdev);
	free(s);
	l->state = xread_int(c, t, -1, "%s/state", dev);
}

static int read_luns(struct ctx *c, xs_transaction_t t, const char *be,
		     struct vhost *vh)
{
	unsigned int n, devn;
	char **devs = xdir(c, t, &n, "%s/vscsi-devs", be);
	char dev[XS_PATH_LEN];

	vh->luns = calloc(n ? n : 1, sizeof(*vh->luns));
	if (!vh->luns) {
		free(devs);
		return -ENOMEM;
	}
	for (unsigned int i = 0; i < n; i++) {
		struct lun *l = &vh->luns[vh->nr_luns];

		if (strncmp(devs[i], "dev-", 4) ||
		    !parse_uint(devs[i] + 4, 0x7fffffff, &devn))
			continue;
		if (snprintf(dev, sizeof(dev), "%s/vscsi-devs/%s", be,
			     devs[i]) >= (int)sizeof(dev))
			continue;
		l->devn = devn;
		read_lun(c, t, dev, l);
		vh->nr_luns++;
	}
	free(devs);
	qsort(vh->luns, vh->nr_luns, sizeof(*vh->luns), cmp_lun);
	return 0;
}

static int read_vhost(struct ctx *c, xs_transaction_t t, unsigned int domid,
		      struct vhost *vh)
{
	char be[XS_PATH_LEN];

	snprintf(be, sizeof(be), BACKEND_ROOT "/%u/%u", domid, vh->devid);
	vh->state = xread_int(c, t, -1, "%s/state", be);
	vh->fe_state = xread_int(c, t, -1, "/local/domain/%u/device/vscsi/%u/state",
				 domid, vh->devid);
	vh->feature_host = xread_int(c, t, 0, "%s/feature-host", be) == 1;
	vh->ctrl = xread_int(c, t, -1, "%s/libxl_ctrl_index", be);
	if (read_luns(c, t, be, vh))
		return -ENOMEM;
	/* Nodes written by other tools may lack libxl_ctrl_index. */
	if (vh->ctrl < 0 && vh->nr_luns && vh->luns[0].vdev_ok)
		vh->ctrl = vh->luns[0].vdev.host;
	return 0;
}

void domvs_free(struct domvs *d)
{
	for (size_t i = 0; i < d->nr_vhosts; i++)
		free(d->vhosts[i].luns);
	free(d->vhosts);
	d->vhosts = NULL;
	d->nr_vhosts = 0;
}

int domvs_read(struct ctx *c, xs_transaction_t t, unsigned int domid,
	       struct domvs *d)
{
	unsigned int n, devid;
	char **ids = xdir(c, t, &n, BACKEND_ROOT "/%u", domid);

	memset(d, 0, sizeof(*d));
	d->domid = domid;
	d->vhosts = calloc(n ? n : 1, sizeof(*d->vhosts));
	if (!d->vhosts) {
		free(ids);
		errmsg("out of memory");
		return -1;
	}
	for (unsigned int i = 0; i < n; i++) {
		struct vhost *vh = &d->vhosts[d->nr_vhosts];

		if (!parse_uint(ids[i], 0x7fffffff, &devid))
			continue;
		vh->devid = devid;
		d->nr_vhosts++;
		if (read_vhost(c, t, domid, vh)) {
			free(ids);
			domvs_free(d);
			errmsg("out of memory");
			return -1;
		}
	}
	free(ids);
	qsort(d->vhosts, d->nr_vhosts, sizeof(*d->vhosts), cmp_vhost);
	return 0;
}

unsigned int *backend_domids(struct ctx *c, size_t *n)
{
	unsigned int nd, id;
	char **ids = xdir(c, XBT_NULL, &nd, BACKEND_ROOT);
	unsigned int *out = calloc(nd ? nd : 1, sizeof(*out));

	*n = 0;
	for (unsigned int i = 0; out && i < nd; i++)
		if (parse_uint(ids[i], DOMID_MAX, &id))
			out[(*n)++] = id;
	free(ids);
	return out;
}

struct prune_arg {
	bool verbose;
	unsigned int removed;
};

/* Remove root/<domid> of every dead domain; returns how many, or -1. */
static int prune_root(struct ctx *c, xs_transaction_t t, const char *root)
{
	unsigned int n, id;
	char **ids = xdir(c, t, &n, "%s", root);
	int removed = 0;

	for (unsigned int i = 0; i < n && removed >= 0; i++) {
		if (!parse_uint(ids[i], DOMID_MAX, &id) ||
		    domain_alive(c, t, id))
			continue;
		removed = xrm(c, t, "%s/%u", root, id) ? removed + 1 : -1;
	}
	free(ids);
	return removed;
}

static int prune_txn(struct ctx *c, xs_transaction_t t, void *arg)
{
	struct prune_arg *p = arg;
	int n = prune_root(c, t, BACKEND_ROOT);

	/* The backend's error nodes of the dead domain's devices, as libxl. */
	if (n < 0 || prune_root(c, t, ERROR_ROOT) < 0)
		return -1;
	p->removed = (unsigned int)n;
	return 0;
}

int prune_dead(struct ctx *c, bool verbose)
{
	struct prune_arg p = { .verbose = verbose };
	int rc = txn_run(c, prune_txn, &p);

	if (!rc && verbose)
		printf("removed vscsi backend nodes of %u dead domain(s)\n",
		       p.removed);
	return rc;
}
