// SPDX-License-Identifier: GPL-2.0
/*
 * pvscsi: makes `vscsi = [ ... ]` in xl domain configs work, and hot-adds
 * and removes PV SCSI LUNs of running guests.  See docs/pvscsi.8.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pvscsi.h"
#include "xlcfg.h"

#define DEFAULT_TIMEOUT_S 30
#define MAX_CONFIG_BYTES (1 << 20)
#define MAX_POSITIONAL 3

void errmsg(const char *fmt, ...)
{
	va_list ap;

	fputs("pvscsi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *state_name(int state)
{
	static const char *const names[] = {
		"Unknown", "Initialising", "InitWait", "Initialised",
		"Connected", "Closing", "Closed", "Reconfiguring",
		"Reconfigured",
	};

	if (state < 0)
		return "missing";
	return state < (int)(sizeof(names) / sizeof(names[0])) ?
	       names[state] : "invalid";
}

static void usage(FILE *f)
{
	fputs("usage: pvscsi create [--force] [--timeout S] <guest.cfg> [xl create options] [key=value...]\n"
	      "       pvscsi attach <domain> <pdev> <vdev> [--feature-host] [--force] [--timeout S]\n"
	      "       pvscsi detach <domain> <vdev> [--force] [--timeout S]\n"
	      "       pvscsi list [<domain>] [--machine|-m]\n"
	      "       pvscsi cleanup\n", f);
}

struct opts {
	bool force, machine, feature_host;
	unsigned int timeout_s;
	const char *pos[MAX_POSITIONAL];
	int npos;
	int first_unparsed;	/* create: index of the config file */
};

static int parse_timeout(const char *s, unsigned int *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = s ? strtoul(s, &end, 10) : 0;
	if (!s || errno || end == s || *end || !v || v > 3600) {
		errmsg("--timeout wants whole seconds, 1 to 3600");
		return -1;
	}
	*out = (unsigned int)v;
	return 0;
}

/* One option at argv[*i]; 1 if it was one, 0 if not, -1 on error. */
static int parse_option(int argc, char **argv, int *i, struct opts *o)
{
	const char *a = argv[*i];

	if (!strcmp(a, "--force") || !strcmp(a, "-f"))
		o->force = true;
	else if (!strcmp(a, "--machine") || !strcmp(a, "-m"))
		o->machine = true;
	else if (!strcmp(a, "--feature-host"))
		o->feature_host = true;
	else if (!strcmp(a, "--timeout") || !strcmp(a, "-t"))
		return parse_timeout(++*i < argc ? argv[*i] : NULL,
				     &o->timeout_s) ? -1 : 1;
	else if (a[0] == '-' && a[1])
		return -1;
	else
		return 0;
	return 1;
}

/* Options anywhere; with stop_at_positional, stop at the first operand. */
static int parse_args(int argc, char **argv, bool stop_at_positional,
		      struct opts *o)
{
	o->timeout_s = DEFAULT_TIMEOUT_S;
	for (int i = 0; i < argc; i++) {
		int rc = parse_option(argc, argv, &i, o);

		if (rc < 0) {
			if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--timeout") &&
			    strcmp(argv[i], "-t"))
				errmsg("unknown option '%s' (see pvscsi --help)", argv[i]);
			return -1;
		}
		if (rc)
			continue;
		if (stop_at_positional) {
			o->first_unparsed = i;
			return 0;
		}
		if (o->npos == MAX_POSITIONAL) {
			errmsg("too many arguments");
			return -1;
		}
		o->pos[o->npos++] = argv[i];
	}
	o->first_unparsed = argc;
	return 0;
}

/* Serialise pvscsi runs: each reads, decides, then writes and waits. */
static int take_lock(void)
{
	const char *path = getenv("PVSCSI_LOCK");
	int fd;

	fd = open(path ? path : "/run/pvscsi.lock",
		  O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 && !path)
		fd = open("/tmp/pvscsi.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || flock(fd, LOCK_EX)) {
		errmsg("cannot lock %s: %s", path ? path : "/run/pvscsi.lock",
		       strerror(errno));
		return -1;
	}
	return fd;
}

static int run_xl(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		errmsg("fork: %s", strerror(errno));
		return -1;
	}
	if (!pid) {
		execvp(argv[0], argv);
		errmsg("cannot run %s: %s", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static const char *xl_path(void)
{
	const char *xl = getenv("PVSCSI_XL");

	return xl ? xl : "xl";
}

static void xl_destroy(unsigned int domid)
{
	char id[16];
	char *argv[] = { (char *)xl_path(), "destroy", id, NULL };

	snprintf(id, sizeof(id), "%u", domid);
	run_xl(argv);
}

static int xl_unpause(unsigned int domid)
{
	char id[16];
	char *argv[] = { (char *)xl_path(), "unpause", id, NULL };

	snprintf(id, sizeof(id), "%u", domid);
	return run_xl(argv);
}

static struct ctx *ctx_open(const struct opts *o)
{
	static struct ctx c;

	c.xs = xs_open(0);
	if (!c.xs) {
		errmsg("cannot connect to xenstore: %s", strerror(errno));
		return NULL;
	}
	c.force = o->force;
	c.timeout_ms = o->timeout_s * 1000;
	return &c;
}

static void print_lun(const struct domvs *d, const char *name,
		      const struct vhost *vh, const struct lun *l, bool machine)
{
	char v[32] = "-", devn[16] = "-";

	if (l && l->vdev_ok)
		vscsi_format_virt_hctl(v, sizeof(v), &l->vdev);
	if (l)
		snprintf(devn, sizeof(devn), "%u", l->devn);
	if (machine)
		printf("%u\t%s\t%u\t%s\t%s\t%s\t%d\t%d\t%s\n", d->domid, name,
		       vh->devid, devn, v, l ? l->pdev : "-",
		       l ? l->state : -1, vh->state,
		       l && l->pdevname[0] ? l->pdevname : "-");
	else
		printf("%-6u %-16s %-5u %-4s %-14s %-30s %-13s %s\n", d->domid,
		       name, vh->devid, devn, v, l ? l->pdev : "-",
		       l ? state_name(l->state) : "-", state_name(vh->state));
}

static void print_domain(struct ctx *c, unsigned int domid, bool machine)
{
	struct domvs d;
	char *name;

	if (domvs_read(c, XBT_NULL, domid, &d))
		return;
	name = domain_name(c, domid);
	for (size_t i = 0; i < d.nr_vhosts; i++) {
		const struct vhost *vh = &d.vhosts[i];

		if (!vh->nr_luns)
			print_lun(&d, name ? name : "-", vh, NULL, machine);
		for (size_t j = 0; j < vh->nr_luns; j++)
			print_lun(&d, name ? name : "-", vh, &vh->luns[j], machine);
	}
	free(name);
	domvs_free(&d);
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

static int cmd_list(struct ctx *c, const struct opts *o)
{
	unsigned int domid, *ids;
	size_t n;

	if (o->npos > 1) {
		usage(stderr);
		return 2;
	}
	if (prune_dead(c, false))
		return 1;
	if (o->npos && domain_lookup(c, o->pos[0], &domid))
		return 1;
	if (!o->machine)
		printf("%-6s %-16s %-5s %-4s %-14s %-30s %-13s %s\n", "Domain",
		       "Name", "Vhost", "Dev", "V-dev", "P-dev", "LUN-state",
		       "Vhost-state");
	if (o->npos) {
		print_domain(c, domid, o->machine);
		return 0;
	}
	ids = backend_domids(c, &n);
	if (!ids)
		return 1;
	qsort(ids, n, sizeof(*ids), cmp_uint);
	for (size_t i = 0; i < n; i++)
		print_domain(c, ids[i], o->machine);
	free(ids);
	return 0;
}

static int cmd_attach(struct ctx *c, const struct opts *o)
{
	char entry[VSCSI_ENTRY_MAX + 32], err[VSCSI_ENTRY_MAX + 256];
	struct vscsi_entry e;
	struct lun l = { 0 };
	unsigned int domid;

	if (o->npos != 3) {
		usage(stderr);
		return 2;
	}
	snprintf(entry, sizeof(entry), "%s,%s%s", o->pos[1], o->pos[2],
		 o->feature_host ? ",feature-host" : "");
	if (vscsi_entry_parse(entry, &e, err, sizeof(err))) {
		errmsg("%s", err);
		return 1;
	}
	if (domain_lookup(c, o->pos[0], &domid) ||
	    resolve_pdev(entry, &e, &l) || prune_dead(c, false) ||
	    attach_lun(c, domid, entry, &e, &l))
		return 1;
	return 0;
}

static int cmd_detach(struct ctx *c, const struct opts *o)
{
	struct vscsi_virt_hctl v;
	unsigned int domid;

	if (o->npos != 2) {
		usage(stderr);
		return 2;
	}
	if (vscsi_parse_virt_hctl(o->pos[1], &v)) {
		errmsg("vdev '%s' is not h:c:t:l (each 0-65535)", o->pos[1]);
		return 1;
	}
	if (domain_lookup(c, o->pos[0], &domid) ||
	    detach_lun(c, domid, &v, o->pos[1]))
		return 1;
	return 0;
}

static int cmd_cleanup(struct ctx *c, const struct opts *o)
{
	if (o->npos) {
		usage(stderr);
		return 2;
	}
	return prune_dead(c, true) ? 1 : 0;
}

/* create ------------------------------------------------------------- */

struct plan {
	struct vscsi_entry *e;
	struct lun *luns;
	size_t n;
	struct vhost *vh;
	size_t nr_vh;
};

static void plan_free(struct plan *p)
{
	free(p->e);
	free(p->luns);
	free(p->vh);
}

/* The config file plus xl's key=value overrides, which come last and win. */
static char *read_config(const char *path, char *const *extra, int nextra,
			 size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;
	size_t n, cap = MAX_CONFIG_BYTES + 1;

	if (!f) {
		errmsg("%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(cap + 1);
	n = buf ? fread(buf, 1, MAX_CONFIG_BYTES + 1, f) : 0;
	fclose(f);
	if (!buf || n > MAX_CONFIG_BYTES) {
		errmsg("%s: %s", path, buf ? "larger than 1 MiB" : "out of memory");
		free(buf);
		return NULL;
	}
	for (int i = 0; i < nextra; i++) {
		size_t l = strlen(extra[i]);

		if (extra[i][0] == '-' || !strchr(extra[i], '='))
			continue;
		char *grown = realloc(buf, n + l + 2);

		if (!grown) {
			errmsg("out of memory");
			free(buf);
			return NULL;
		}
		buf = grown;
		buf[n++] = '\n';
		memcpy(buf + n, extra[i], l);
		n += l;
	}
	*len = n;
	return buf;
}

static int plan_entries(struct ctx *c, const struct xlcfg *cfg, bool force,
			struct plan *p)
{
	char err[VSCSI_ENTRY_MAX + 256];

	p->n = cfg->nr_vscsi;
	p->e = calloc(p->n + 1, sizeof(*p->e));
	p->luns = calloc(p->n + 1, sizeof(*p->luns));
	if (!p->e || !p->luns) {
		errmsg("out of memory");
		return -1;
	}
	for (size_t i = 0; i < p->n; i++)
		if (vscsi_entry_parse(cfg->vscsi[i], &p->e[i], err, sizeof(err))) {
			errmsg("%s", err);
			return -1;
		}
	if (vscsi_entries_check(p->e, p->n, force, err, sizeof(err))) {
		errmsg("%s", err);
		return -1;
	}
	for (size_t i = 0; i < p->n; i++) {
		p->luns[i].vdev = p->e[i].vdev;
		if (resolve_pdev(cfg->vscsi[i], &p->e[i], &p->luns[i]) ||
		    check_pdev_free(c, XBT_NULL, cfg->vscsi[i], p->luns[i].pdev))
			return -1;
		for (size_t j = 0; j < i && !force; j++)
			if (pdev_equal(p->luns[i].pdev, p->luns[j].pdev)) {
				errmsg("vscsi entries '%s' and '%s': both are device %s",
				       cfg->vscsi[j], cfg->vscsi[i], p->luns[i].pdev);
				return -1;
			}
	}
	return 0;
}

/* Group the LUNs by vhost (vscsi_plan_slots), dev-N order within each. */
static int plan_vhosts(struct plan *p)
{
	struct vscsi_slot *slot = calloc(p->n + 1, sizeof(*slot));
	struct lun *sorted = calloc(p->n + 1, sizeof(*sorted));
	size_t k = 0;

	p->vh = calloc(p->n + 1, sizeof(*p->vh));
	if (!slot || !sorted || !p->vh) {
		free(slot);
		free(sorted);
		errmsg("out of memory");
		return -1;
	}
	p->nr_vh = vscsi_plan_slots(p->e, p->n, 0, slot);
	for (size_t v = 0; v < p->nr_vh; v++) {
		struct vhost *vh = &p->vh[v];

		vh->devid = (unsigned int)v;
		vh->luns = &sorted[k];
		for (size_t i = 0; i < p->n; i++) {
			if (slot[i].devid != v)
				continue;
			vh->ctrl = p->e[i].vdev.host;
			vh->feature_host = p->e[i].feature_host;
			sorted[k] = p->luns[i];
			sorted[k++].devn = slot[i].devn;
			vh->nr_luns++;
		}
	}
	free(slot);
	free(p->luns);
	p->luns = sorted;
	return 0;
}

static bool wants_paused(char *const *xlargs, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(xlargs[i], "-p"))
			return true;
	return false;
}

static int create_guest(struct ctx *c, const char *cfgpath, const char *name,
			struct plan *p, char **xlargs, int nxl)
{
	char **argv = calloc((size_t)nxl + 5, sizeof(*argv));
	unsigned int domid;
	int rc;

	int n = 0;

	if (!argv)
		return -1;
	argv[n++] = (char *)xl_path();
	argv[n++] = "create";
	argv[n++] = "-p";
	/* xl takes its options before the config file, overrides after it. */
	for (int i = 0; i < nxl; i++)
		if (xlargs[i][0] == '-')
			argv[n++] = xlargs[i];
	argv[n++] = (char *)cfgpath;
	for (int i = 0; i < nxl; i++)
		if (xlargs[i][0] != '-')
			argv[n++] = xlargs[i];
	rc = run_xl(argv);
	free(argv);
	if (rc) {
		errmsg("xl create %s failed", cfgpath);
		return -1;
	}
	if (domain_lookup(c, name, &domid))
		return -1;
	if (write_new_vhosts(c, domid, p->vh, p->nr_vh) ||
	    (!wants_paused(xlargs, nxl) && xl_unpause(domid))) {
		errmsg("destroying domain %s (%u): its vscsi devices could not be set up",
		       name, domid);
		xl_destroy(domid);
		remove_all_vhosts(c, domid);
		return -1;
	}
	printf("domain %s (%u) created with %zu vscsi LUN(s) on %zu vhost(s)\n",
	       name, domid, p->n, p->nr_vh);
	return 0;
}

static int cmd_create(struct ctx *c, const struct opts *o, int argc, char **argv)
{
	char **xlargs = argv + o->first_unparsed + 1;
	int nxl = argc - o->first_unparsed - 1;
	const char *cfgpath = argv[o->first_unparsed];
	struct xlcfg cfg;
	struct plan p = { 0 };
	char err[256], *text;
	size_t len;
	int rc = 1;

	for (int i = 0; i < nxl; i++)
		if (xlargs[i][0] != '-' && !strchr(xlargs[i], '=')) {
			errmsg("unexpected argument '%s' after %s (xl options start with '-', overrides are key=value)",
			       xlargs[i], cfgpath);
			return 2;
		}
	text = read_config(cfgpath, xlargs, nxl, &len);
	if (!text)
		return 1;
	if (xlcfg_parse(text, len, &cfg, err, sizeof(err))) {
		errmsg("%s: %s", cfgpath, err);
		free(text);
		return 1;
	}
	free(text);
	if (!cfg.name)
		errmsg("%s: no name = \"...\" setting", cfgpath);
	else if (!prune_dead(c, false) && !plan_entries(c, &cfg, o->force, &p) &&
		 !plan_vhosts(&p) &&
		 !create_guest(c, cfgpath, cfg.name, &p, xlargs, nxl))
		rc = 0;
	plan_free(&p);
	xlcfg_free(&cfg);
	return rc;
}

static int dispatch(const char *cmd, int argc, char **argv)
{
	struct opts o = { 0 };
	bool create = !strcmp(cmd, "create");
	struct ctx *c;
	int lock, rc;

	if (parse_args(argc, argv, create, &o))
		return 2;
	if (create && o.first_unparsed >= argc) {
		usage(stderr);
		return 2;
	}
	lock = take_lock();
	if (lock < 0)
		return 1;
	c = ctx_open(&o);
	if (!c)
		return 1;
	if (create)
		rc = cmd_create(c, &o, argc, argv);
	else if (!strcmp(cmd, "attach"))
		rc = cmd_attach(c, &o);
	else if (!strcmp(cmd, "detach"))
		rc = cmd_detach(c, &o);
	else if (!strcmp(cmd, "list"))
		rc = cmd_list(c, &o);
	else
		rc = cmd_cleanup(c, &o);
	xs_close(c->xs);
	close(lock);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *const cmds[] = {
		"create", "attach", "detach", "list", "cleanup",
	};

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i]))
			return dispatch(argv[1], argc - 2, argv + 2);
	errmsg("unknown command '%s'", argv[1]);
	usage(stderr);
	return 2;
}
