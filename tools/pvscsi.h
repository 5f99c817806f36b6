/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pvscsi: Dom0 tool writing the vscsi xenstore layout of Xen's io/vscsiif.h
 * ("Xenstore format in practice") that xl leaves out.
 */
#ifndef PVSCSI_H
#define PVSCSI_H

#include <stdbool.h>
#include <stddef.h>
#include <xenstore.h>

#include "vscsi_entry.h"

/* The backend always lives in Dom0, where this tool runs. */
#define BACKEND_DOMID 0
#define BACKEND_ROOT "/local/domain/0/backend/vscsi"
/* Where xenbus_dev_error() reports a backend device's errors. */
#define ERROR_ROOT "/local/domain/0/error/backend/vscsi"

/* XenbusState values used by the vscsi dance. */
enum {
	XS_INITIALISING = 1, XS_INITWAIT = 2, XS_INITIALISED = 3,
	XS_CONNECTED = 4, XS_CLOSING = 5, XS_CLOSED = 6,
	XS_RECONFIGURING = 7, XS_RECONFIGURED = 8,
};

struct ctx {
	struct xs_handle *xs;
	unsigned int timeout_ms;	/* for every wait on the guest */
	bool force;
};

/* One LUN as found in (or about to be written to) xenstore. */
struct lun {
	unsigned int devn;			/* the N of dev-N */
	char pdev[VSCSI_PDEV_MAX];
	char pdevname[VSCSI_PDEV_MAX];		/* "" when not a /dev path */
	struct vscsi_virt_hctl vdev;
	bool vdev_ok;				/* v-dev parsed */
	int state;
};

struct vhost {
	unsigned int devid;
	int ctrl;		/* libxl_ctrl_index: the vdev h it serves */
	int state;
	int fe_state;
	bool feature_host;
	struct lun *luns;
	size_t nr_luns;
};

struct domvs {
	unsigned int domid;
	struct vhost *vhosts;
	size_t nr_vhosts;
};

/* Messages: one line on stderr, prefixed "pvscsi: ". */
void errmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *state_name(int state);

/* resolve.c: a parsed entry's pdev as the backend's p-dev value. */
int resolve_pdev(const char *entry, const struct vscsi_entry *e,
		 struct lun *out);

/* vscsi_xs.c */
int domain_lookup(struct ctx *c, const char *arg, unsigned int *domid);
char *domain_name(struct ctx *c, unsigned int domid);
bool domain_alive(struct ctx *c, xs_transaction_t t, unsigned int domid);
int domvs_read(struct ctx *c, xs_transaction_t t, unsigned int domid,
	       struct domvs *d);
void domvs_free(struct domvs *d);
unsigned int *backend_domids(struct ctx *c, size_t *n);
int prune_dead(struct ctx *c, bool verbose);
int write_new_vhosts(struct ctx *c, unsigned int domid,
		     const struct vhost *vh, size_t n);
/* Refuse (unless forced) a pdev some live domain already has. */
int check_pdev_free(struct ctx *c, xs_transaction_t t, const char *entry,
		    const char *pdev);
bool pdev_equal(const char *a, const char *b);
int attach_lun(struct ctx *c, unsigned int domid, const char *entry,
	       const struct vscsi_entry *e, const struct lun *l);
int detach_lun(struct ctx *c, unsigned int domid,
	       const struct vscsi_virt_hctl *vdev, const char *vdev_text);
int remove_all_vhosts(struct ctx *c, unsigned int domid);

#endif
