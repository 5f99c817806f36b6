/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One `vscsi = [ ... ]` entry, 'pdev,vdev[,feature-host]' (the syntax of
 * SUSE's libxl vscsi patch).  Pure string code: no I/O, no allocation, so
 * the unit tests can feed it any input.
 */
#ifndef PVSCSI_VSCSI_ENTRY_H
#define PVSCSI_VSCSI_ENTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* xen-scsiback copies p-dev into a 256-byte buffer (VSCSI_NAMELEN). */
#define VSCSI_PDEV_MAX 256
/* Long enough for any valid entry; longer input is rejected, not cut. */
#define VSCSI_ENTRY_MAX 512

enum vscsi_pdev_kind {
	VSCSI_PDEV_PATH,	/* /dev/..., resolved to h:c:t:l in Dom0 */
	VSCSI_PDEV_HCTL,	/* "h:c:t:l" of a Dom0 SCSI device */
	VSCSI_PDEV_WWN,		/* naa./eui./t10./fc./iqn. name, passed through */
};

/* Linux names a SCSI device by unsigned host/channel/id and a 64-bit lun. */
struct vscsi_phys_hctl {
	uint32_t host, channel, target;
	uint64_t lun;
};

/* channel, id and lun are 16-bit fields of struct vscsiif_request. */
struct vscsi_virt_hctl {
	uint16_t host, channel, target, lun;
};

struct vscsi_entry {
	enum vscsi_pdev_kind kind;
	char pdev[VSCSI_PDEV_MAX];	/* trimmed, as written */
	struct vscsi_phys_hctl phys;	/* valid when kind == VSCSI_PDEV_HCTL */
	struct vscsi_virt_hctl vdev;
	bool feature_host;
};

/*
 * Parse one entry.  Returns 0, or -EINVAL / -ERANGE with a message naming
 * the entry in err ("vscsi entry '...': reason").
 */
int vscsi_entry_parse(const char *text, struct vscsi_entry *e,
		      char *err, size_t errlen);

/* Strict decimal "h:c:t:l"; -EINVAL on syntax, -ERANGE on overflow. */
int vscsi_parse_phys_hctl(const char *s, struct vscsi_phys_hctl *out);
int vscsi_parse_virt_hctl(const char *s, struct vscsi_virt_hctl *out);

/* Canonical "h:c:t:l" text (no leading zeros); returns snprintf's value. */
int vscsi_format_phys_hctl(char *buf, size_t len,
			   const struct vscsi_phys_hctl *p);
int vscsi_format_virt_hctl(char *buf, size_t len,
			   const struct vscsi_virt_hctl *v);

bool vscsi_virt_hctl_equal(const struct vscsi_virt_hctl *a,
			   const struct vscsi_virt_hctl *b);

/*
 * Consistency of a whole list: no two entries with the same vdev, entries
 * of one vhost (vdev h) agree on feature-host, and, unless allow_same_pdev,
 * no physical device written twice.  Returns 0 or -EINVAL with err set.
 */
int vscsi_entries_check(const struct vscsi_entry *e, size_t n,
			bool allow_same_pdev, char *err, size_t errlen);

/* Where an entry of a new guest's list goes: vhost devid and dev-N. */
struct vscsi_slot {
	unsigned int devid, devn;
};

/*
 * One vhost per distinct vdev host number, numbered from first_devid in
 * order of first use (as libxl numbers new devices); LUNs dev-0, dev-1, ...
 * in list order within their vhost.  Fills slot[n]; returns the number of
 * vhosts.
 */
size_t vscsi_plan_slots(const struct vscsi_entry *e, size_t n,
			unsigned int first_devid, struct vscsi_slot *slot);

#endif
