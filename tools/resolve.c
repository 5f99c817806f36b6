// SPDX-License-Identifier: GPL-2.0
/*
 * Dom0 device names to the "h:c:t:l" a backend finds the device by.  The
 * node's dev_t leads to /sys/dev/{block,char}/M:m, whose "device" link
 * ends in the SCSI device's H:C:T:L directory for sd, sr, sg and st nodes
 * alike, and also behind /dev/disk/by-id/... symlinks.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "pvscsi.h"

static int hctl_of_node(const char *entry, const char *path, char *out,
			size_t len)
{
	char link[PATH_MAX], *real;
	struct vscsi_phys_hctl h;
	struct stat st;
	const char *base;
	int rc;

	if (stat(path, &st)) {
		errmsg("vscsi entry '%s': %s: %s", entry, path, strerror(errno));
		return -1;
	}
	if (!S_ISBLK(st.st_mode) && !S_ISCHR(st.st_mode)) {
		errmsg("vscsi entry '%s': %s is not a device node", entry, path);
		return -1;
	}
	snprintf(link, sizeof(link), "/sys/dev/%s/%u:%u/device",
		 S_ISBLK(st.st_mode) ? "block" : "char",
		 major(st.st_rdev), minor(st.st_rdev));
	real = realpath(link, NULL);
	base = real ? strrchr(real, '/') : NULL;
	rc = base ? vscsi_parse_phys_hctl(base + 1, &h) : -EINVAL;
	free(real);
	if (rc) {
		errmsg("vscsi entry '%s': %s is not a whole SCSI device (no H:C:T:L behind %s)",
		       entry, path, link);
		return -1;
	}
	vscsi_format_phys_hctl(out, len, &h);
	return 0;
}

static int check_hctl_exists(const char *entry, const struct vscsi_entry *e,
			     char *out, size_t len)
{
	char path[PATH_MAX];

	vscsi_format_phys_hctl(out, len, &e->phys);
	snprintf(path, sizeof(path), "/sys/bus/scsi/devices/%s", out);
	if (access(path, F_OK)) {
		errmsg("vscsi entry '%s': no SCSI device %s in Dom0", entry, out);
		return -1;
	}
	return 0;
}

int resolve_pdev(const char *entry, const struct vscsi_entry *e,
		 struct lun *out)
{
	out->pdevname[0] = '\0';
	switch (e->kind) {
	case VSCSI_PDEV_PATH:
		snprintf(out->pdevname, sizeof(out->pdevname), "%s", e->pdev);
		return hctl_of_node(entry, e->pdev, out->pdev, sizeof(out->pdev));
	case VSCSI_PDEV_HCTL:
		return check_hctl_exists(entry, e, out->pdev, sizeof(out->pdev));
	default:
		/* A target port name only the backend can look up. */
		snprintf(out->pdev, sizeof(out->pdev), "%s", e->pdev);
		return 0;
	}
}
