/* SPDX-License-Identifier: GPL-2.0 */
/* printf-style xenstore helpers; writers print the failing path. */
#ifndef PVSCSI_XSUTIL_H
#define PVSCSI_XSUTIL_H

#include "pvscsi.h"

#define XS_PATH_LEN 512

#define PRINTF(f, a) __attribute__((format(printf, f, a)))

char *xread(struct ctx *c, xs_transaction_t t, const char *fmt, ...) PRINTF(3, 4);
/* The node as a non-negative int, def when missing or not a number. */
int xread_int(struct ctx *c, xs_transaction_t t, int def,
	      const char *fmt, ...) PRINTF(4, 5);
bool xexists(struct ctx *c, xs_transaction_t t, const char *fmt, ...) PRINTF(3, 4);
bool xwrite(struct ctx *c, xs_transaction_t t, const char *path,
	    const char *fmt, ...) PRINTF(4, 5);
bool xwrite_at(struct ctx *c, xs_transaction_t t, const char *dir,
	       const char *node, const char *val);
/* Removing a node that does not exist succeeds. */
bool xrm(struct ctx *c, xs_transaction_t t, const char *fmt, ...) PRINTF(3, 4);
/* mkdir, then permissions "n<owner> r<reader>" as libxl sets them. */
bool xmkdir_perms(struct ctx *c, xs_transaction_t t, const char *path,
		  unsigned int owner, unsigned int reader);
char **xdir(struct ctx *c, xs_transaction_t t, unsigned int *n,
	    const char *fmt, ...) PRINTF(4, 5);
bool parse_uint(const char *s, unsigned int max, unsigned int *out);

/*
 * Run fn inside a transaction, restarting it from scratch on EAGAIN.  fn
 * returns 0 to commit or non-zero (after printing why) to abort.
 */
typedef int (*txn_fn)(struct ctx *c, xs_transaction_t t, void *arg);
int txn_run(struct ctx *c, txn_fn fn, void *arg);

/*
 * Wait until fn returns non-zero (1: done, <0: failure code) or the
 * context's timeout passes (-ETIMEDOUT), woken by a watch on watch_path.
 */
typedef int (*cond_fn)(struct ctx *c, void *arg);
int wait_cond(struct ctx *c, const char *watch_path, cond_fn fn, void *arg);

#endif
