// SPDX-License-Identifier: GPL-2.0
/*
 * Thin printf-style wrappers over libxenstore, transactions retried on
 * EAGAIN, and waiting on a condition with a watch and a deadline.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xsutil.h"

/* Transactions only fail with EAGAIN under contention; this is plenty. */
#define TXN_RETRIES 100
/* Re-check even without a watch event, e.g. to notice a dead domain. */
#define POLL_SLICE_MS 200

static void vpath(char *buf, const char *fmt, va_list ap)
{
	vsnprintf(buf, XS_PATH_LEN, fmt, ap);
}

char *xread(struct ctx *c, xs_transaction_t t, const char *fmt, ...)
{
	char path[XS_PATH_LEN];
	unsigned int len;
	va_list ap;

	va_start(ap, fmt);
	vpath(path, fmt, ap);
	va_end(ap);
	return xs_read(c->xs, t, path, &len);
}

int xread_int(struct ctx *c, xs_transaction_t t, int def, const char *fmt, ...)
{
	char path[XS_PATH_LEN], *s, *end;
	unsigned int len;
	long v;
	va_list ap;

	va_start(ap, fmt);
	vpath(path, fmt, ap);
	va_end(ap);
	s = xs_read(c->xs, t, path, &len);
	if (!s)
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > 0x7fffffff)
		v = def;
	free(s);
	return (int)v;
}

bool xexists(struct ctx *c, xs_transaction_t t, const char *fmt, ...)
{
	char path[XS_PATH_LEN], *s;
	unsigned int len;
	va_list ap;

	va_start(ap, fmt);
	vpath(path, fmt, ap);
	va_end(ap);
	s = xs_read(c->xs, t, path, &len);
	free(s);
	return s != NULL;
}

bool xwrite(struct ctx *c, xs_transaction_t t, const char *path,
	    const char *fmt, ...)
{
	char val[XS_PATH_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(val, sizeof(val), fmt, ap);
	va_end(ap);
	if (xs_write(c->xs, t, path, val, strlen(val)))
		return true;
	errmsg("xenstore write %s: %s", path, strerror(errno));
	return false;
}

bool xwrite_at(struct ctx *c, xs_transaction_t t, const char *dir,
	       const char *node, const char *val)
{
	char path[XS_PATH_LEN];

	snprintf(path, sizeof(path), "%s/%s", dir, node);
	return xwrite(c, t, path, "%s", val);
}

bool xrm(struct ctx *c, xs_transaction_t t, const char *fmt, ...)
{
	char path[XS_PATH_LEN];
	va_list ap;

	va_start(ap, fmt);
	vpath(path, fmt, ap);
	va_end(ap);
	if (xs_rm(c->xs, t, path) || errno == ENOENT)
		return true;
	errmsg("xenstore rm %s: %s", path, strerror(errno));
	return false;
}

bool xmkdir_perms(struct ctx *c, xs_transaction_t t, const char *path,
		  unsigned int owner, unsigned int reader)
{
	struct xs_permissions perms[2] = {
		{ .id = owner, .perms = XS_PERM_NONE },
		{ .id = reader, .perms = XS_PERM_READ },
	};

	if (!xs_mkdir(c->xs, t, path)) {
		errmsg("xenstore mkdir %s: %s", path, strerror(errno));
		return false;
	}
	if (!xs_set_permissions(c->xs, t, path, perms, 2)) {
		errmsg("xenstore chmod %s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

char **xdir(struct ctx *c, xs_transaction_t t, unsigned int *n,
	    const char *fmt, ...)
{
	char path[XS_PATH_LEN];
	char **d;
	va_list ap;

	va_start(ap, fmt);
	vpath(path, fmt, ap);
	va_end(ap);
	d = xs_directory(c->xs, t, path, n);
	if (!d)
		*n = 0;
	return d;
}

bool parse_uint(const char *s, unsigned int max, unsigned int *out)
{
	unsigned long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return false;
	}
	*out = (unsigned int)v;
	return true;
}

int txn_run(struct ctx *c, txn_fn fn, void *arg)
{
	for (int i = 0; i < TXN_RETRIES; i++) {
		xs_transaction_t t = xs_transaction_start(c->xs);
		int rc;

		if (t == XBT_NULL) {
			errmsg("xenstore transaction: %s", strerror(errno));
			return -1;
		}
		rc = fn(c, t, arg);
		if (rc) {
			xs_transaction_end(c->xs, t, true);
			return rc;
		}
		if (xs_transaction_end(c->xs, t, false))
			return 0;
		if (errno != EAGAIN) {
			errmsg("xenstore commit: %s", strerror(errno));
			return -1;
		}
	}
	errmsg("xenstore: transaction kept conflicting, giving up");
	return -1;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void drain_watches(struct ctx *c)
{
	char **w;

	while ((w = xs_check_watch(c->xs)))
		free(w);
}

int wait_cond(struct ctx *c, const char *watch_path, cond_fn fn, void *arg)
{
	long long deadline = now_ms() + c->timeout_ms;
	struct pollfd pfd = { .fd = xs_fileno(c->xs), .events = POLLIN };
	bool watching = xs_watch(c->xs, watch_path, "pvscsi");
	int rc;

	for (;;) {
		long long left;

		rc = fn(c, arg);
		if (rc)
			break;
		left = deadline - now_ms();
		if (left <= 0) {
			rc = -ETIMEDOUT;
			break;
		}
		poll(&pfd, pfd.fd >= 0 ? 1 : 0,
		     (int)(left < POLL_SLICE_MS ? left : POLL_SLICE_MS));
		drain_watches(c);
	}
	if (watching)
		xs_unwatch(c->xs, watch_path, "pvscsi");
	return rc < 0 ? rc : 0;
}
