/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of an xl domain config pvscsi needs: `name` and the
 * `vscsi = [ ... ]` list.  The whole file is checked against xl's syntax
 * (libxlu: `key = value` statements ended by newline or ';', '#' comments,
 * "..." strings with C escapes, '...' strings without, numbers, nested
 * lists that may span lines and end with a trailing comma, `key += [...]`
 * appending), so a file pvscsi accepts is one xl reads the same way.
 * Later settings of a key replace earlier ones, as in xl.
 */
#ifndef PVSCSI_XLCFG_H
#define PVSCSI_XLCFG_H

#include <stdbool.h>
#include <stddef.h>

struct xlcfg {
	char *name;		/* NULL when the config sets no name */
	char **vscsi;		/* the vscsi list's strings, in order */
	size_t nr_vscsi;
	bool has_vscsi;		/* a vscsi key was present (maybe empty) */
};

/*
 * Parse len bytes of config text.  Returns 0, -EINVAL with "line N: why"
 * in err, or -ENOMEM.  On failure cfg is left empty (nothing to free).
 */
int xlcfg_parse(const char *text, size_t len, struct xlcfg *cfg,
		char *err, size_t errlen);

void xlcfg_free(struct xlcfg *cfg);

#endif
