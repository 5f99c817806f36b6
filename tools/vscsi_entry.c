// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing of 'pdev,vdev[,feature-host]' vscsi entries.  Every rejection
 * names the entry so an administrator with a dozen LUNs finds the bad one.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "vscsi_entry.h"

#define MAX_FIELDS 3

static void entry_err(char *err, size_t errlen, const char *entry,
		      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err || !errlen)
		return;
	n = snprintf(err, errlen, "vscsi entry '%s': ", entry);
	if (n < 0 || (size_t)n >= errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - n, fmt, ap);
	va_end(ap);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/*
 * One unsigned decimal number at *p, advanced past its digits.  All digits
 * are consumed even on overflow so that the caller reports -ERANGE, not a
 * confusing syntax error about the digits that did not fit.
 */
static int parse_dec(const char **p, uint64_t max, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;
	bool range = false;

	if (!is_digit(*s))
		return -EINVAL;
	for (; is_digit(*s); s++) {
		unsigned int d = (unsigned int)(*s - '0');

		if (v > (max - d) / 10)
			range = true;
		else
			v = v * 10 + d;
	}
	*p = s;
	*out = v;
	return range ? -ERANGE : 0;
}

/* "a:b:c:d" into v[4] with per-field maxima; syntax errors win over range. */
static int parse_hctl4(const char *s, const uint64_t max[4], uint64_t v[4])
{
	int range = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int rc = parse_dec(&s, max[i], &v[i]);

		if (rc == -EINVAL)
			return rc;
		if (rc)
			range = rc;
		if (i < 3 && *s++ != ':')
			return -EINVAL;
	}
	if (*s)
		return -EINVAL;
	return range;
}

int vscsi_parse_phys_hctl(const char *s, struct vscsi_phys_hctl *out)
{
	static const uint64_t max[4] = { UINT32_MAX, UINT32_MAX, UINT32_MAX,
					 UINT64_MAX };
	uint64_t v[4];
	int rc = parse_hctl4(s, max, v);

	if (rc)
		return rc;
	out->host = (uint32_t)v[0];
	out->channel = (uint32_t)v[1];
	out->target = (uint32_t)v[2];
	out->lun = v[3];
	return 0;
}

int vscsi_parse_virt_hctl(const char *s, struct vscsi_virt_hctl *out)
{
	static const uint64_t max[4] = { UINT16_MAX, UINT16_MAX, UINT16_MAX,
					 UINT16_MAX };
	uint64_t v[4];
	int rc = parse_hctl4(s, max, v);

	if (rc)
		return rc;
	out->host = (uint16_t)v[0];
	out->channel = (uint16_t)v[1];
	out->target = (uint16_t)v[2];
	out->lun = (uint16_t)v[3];
	return 0;
}

int vscsi_format_phys_hctl(char *buf, size_t len,
			   const struct vscsi_phys_hctl *p)
{
	return snprintf(buf, len, "%u:%u:%u:%llu", p->host, p->channel,
			p->target, (unsigned long long)p->lun);
}

int vscsi_format_virt_hctl(char *buf, size_t len,
			   const struct vscsi_virt_hctl *v)
{
	return snprintf(buf, len, "%u:%u:%u:%u", v->host, v->channel,
			v->target, v->lun);
}

bool vscsi_virt_hctl_equal(const struct vscsi_virt_hctl *a,
			   const struct vscsi_virt_hctl *b)
{
	return a->host == b->host && a->channel == b->channel &&
	       a->target == b->target && a->lun == b->lun;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

/* "/dev/sd" + letters: a whole disk; letters then digits: a partition. */
static const char *check_sd(const char *name)
{
	const char *s = name;

	while (is_lower(*s))
		s++;
	if (s == name)
		return "no disk letter after /dev/sd";
	if (!*s)
		return NULL;
	if (all_digits(s))
		return "is a partition; give the whole disk";
	return "is not a /dev/sdX disk name";
}

/* st and nst tape nodes may carry a mode letter (st0l, st0m, st0a). */
static const char *check_st(const char *num)
{
	size_t n = strlen(num);

	if (n > 1 && strchr("lma", num[n - 1]))
		n--;
	if (!n)
		return "has no tape number";
	for (size_t i = 0; i < n; i++)
		if (!is_digit(num[i]))
			return "is not a /dev/stN tape name";
	return NULL;
}

/* Symlink directories (/dev/disk/by-id/...): any name, no dot segments. */
static const char *check_link_dir(const char *rest)
{
	const char *seg = rest;

	if (!*rest || rest[strlen(rest) - 1] == '/')
		return "names a directory, not a device";
	while (seg) {
		const char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);

		if ((len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return "must not contain . or .. components";
		seg = end ? end + 1 : NULL;
	}
	return NULL;
}

static const char *check_dev_path(const char *path)
{
	const char *n = path + strlen("/dev/");

	for (const char *s = path; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == '\'' || *s == '"' ||
		    *s == '\\' || (unsigned char)*s >= 0x7f)
			return "contains a space, quote or control character";
	if (strncmp(path, "/dev/", 5))
		return "is not under /dev";
	if (!strncmp(n, "sd", 2))
		return check_sd(n + 2);
	if (!strncmp(n, "sg", 2) || !strncmp(n, "sr", 2))
		return all_digits(n + 2) ? NULL :
		       "is not a /dev/sgN or /dev/srN name";
	if (!strncmp(n, "st", 2))
		return check_st(n + 2);
	if (!strncmp(n, "nst", 3))
		return check_st(n + 3);
	if (!strncmp(n, "disk/", 5) || !strncmp(n, "tape/", 5))
		return check_link_dir(n + 5);
	return "is not a supported device (/dev/sdX, /dev/sgN, /dev/stN, /dev/srN, /dev/disk/...)";
}

struct wwn_form {
	const char *prefix;
	unsigned char hex_len[3];	/* allowed digit counts; 0: free-form */
};

static const struct wwn_form wwn_forms[] = {
	{ "naa.", { 16, 32, 0 } },
	{ "eui.", { 16, 24, 32 } },
	{ "fc.", { 16, 0, 0 } },
	{ "t10.", { 0, 0, 0 } },
	{ "iqn.", { 0, 0, 0 } },
};

static const struct wwn_form *wwn_form_of(const char *s)
{
	for (size_t i = 0; i < sizeof(wwn_forms) / sizeof(wwn_forms[0]); i++)
		if (!strncmp(s, wwn_forms[i].prefix, strlen(wwn_forms[i].prefix)))
			return &wwn_forms[i];
	return NULL;
}

static bool hex_len_ok(const struct wwn_form *f, size_t len)
{
	for (size_t i = 0; i < sizeof(f->hex_len) && f->hex_len[i]; i++)
		if (f->hex_len[i] == len)
			return true;
	return false;
}

/* Optional ":lun" after a hex WWN: what xen-scsiback splits off with strrchr. */
static const char *check_lun_suffix(const char *s)
{
	uint64_t lun;

	if (!*s)
		return NULL;
	if (*s++ != ':')
		return "has junk after the hex digits";
	switch (parse_dec(&s, UINT32_MAX, &lun)) {
	case 0:
		return *s ? "has junk after the lun" : NULL;
	case -ERANGE:
		return "has a lun out of range";
	default:
		return "has no lun number after ':'";
	}
}

static const char *check_free_wwn(const char *body)
{
	if (!*body)
		return "has an empty name";
	for (const char *s = body; *s; s++)
		if (!is_digit(*s) && !is_hex(*s) &&
		    !(*s >= 'A' && *s <= 'Z') && !is_lower(*s) &&
		    !strchr("._:-", *s))
			return "contains a character outside [A-Za-z0-9._:-]";
	if (body[strlen(body) - 1] == ':')
		return "has no lun number after ':'";
	return NULL;
}

static const char *check_wwn(const struct wwn_form *f, const char *s)
{
	const char *body = s + strlen(f->prefix);
	size_t n = 0;

	if (!f->hex_len[0])
		return check_free_wwn(body);
	while (is_hex(body[n]))
		n++;
	if (!hex_len_ok(f, n))
		return f->hex_len[1] ? "has the wrong number of hex digits" :
		       "must have 16 hex digits";
	return check_lun_suffix(body + n);
}

static int classify_pdev(const char *entry, struct vscsi_entry *e,
			 char *err, size_t errlen)
{
	const struct wwn_form *f = wwn_form_of(e->pdev);
	const char *why;
	int rc;

	if (e->pdev[0] == '/') {
		e->kind = VSCSI_PDEV_PATH;
		why = check_dev_path(e->pdev);
	} else if (f) {
		e->kind = VSCSI_PDEV_WWN;
		why = check_wwn(f, e->pdev);
	} else if (is_digit(e->pdev[0])) {
		e->kind = VSCSI_PDEV_HCTL;
		rc = vscsi_parse_phys_hctl(e->pdev, &e->phys);
		why = rc == -ERANGE ? "has a number out of range" :
		      rc ? "is not h:c:t:l" : NULL;
	} else {
		why = "is not a /dev path, h:c:t:l or WWN (naa./eui./t10./fc./iqn.)";
	}
	if (!why)
		return 0;
	entry_err(err, errlen, entry, "pdev '%s' %s", e->pdev, why);
	return -EINVAL;
}

static int parse_vdev(const char *entry, const char *s, struct vscsi_entry *e,
		      char *err, size_t errlen)
{
	int rc = vscsi_parse_virt_hctl(s, &e->vdev);

	if (rc == -ERANGE)
		entry_err(err, errlen, entry,
			  "vdev '%s' out of range (each field 0-65535)", s);
	else if (rc)
		entry_err(err, errlen, entry, "vdev '%s' is not h:c:t:l", s);
	return rc;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/* Split buf at commas into at most MAX_FIELDS + 1 trimmed fields. */
static int split_fields(char *buf, char *field[MAX_FIELDS + 1])
{
	int n = 0;
	char *s = buf;

	for (;;) {
		char *comma = strchr(s, ',');

		if (comma)
			*comma = '\0';
		field[n++] = trim(s);
		if (!comma || n > MAX_FIELDS)
			return comma ? n + 1 : n;
		s = comma + 1;
	}
}

static int check_fields(const char *entry, char *field[], int nf,
			char *err, size_t errlen)
{
	if (nf == 1 && !field[0][0]) {
		entry_err(err, errlen, entry, "empty entry");
		return -EINVAL;
	}
	if (nf < 2) {
		entry_err(err, errlen, entry,
			  "expected 'pdev,vdev[,feature-host]'");
		return -EINVAL;
	}
	if (nf > MAX_FIELDS) {
		entry_err(err, errlen, entry,
			  "too many fields (expected 'pdev,vdev[,feature-host]')");
		return -EINVAL;
	}
	if (!field[0][0] || !field[1][0]) {
		entry_err(err, errlen, entry, "missing %s",
			  field[0][0] ? "vdev" : "pdev");
		return -EINVAL;
	}
	if (strlen(field[0]) >= VSCSI_PDEV_MAX) {
		entry_err(err, errlen, entry, "pdev longer than %d characters",
			  VSCSI_PDEV_MAX - 1);
		return -EINVAL;
	}
	if (nf == 3 && strcmp(field[2], "feature-host")) {
		entry_err(err, errlen, entry,
			  "unknown option '%s' (only 'feature-host' is known)",
			  field[2]);
		return -EINVAL;
	}
	return 0;
}

int vscsi_entry_parse(const char *text, struct vscsi_entry *e,
		      char *err, size_t errlen)
{
	char buf[VSCSI_ENTRY_MAX];
	char *field[MAX_FIELDS + 1];
	int nf, rc;

	if (strlen(text) >= sizeof(buf)) {
		entry_err(err, errlen, "...", "entry longer than %zu characters",
			  sizeof(buf) - 1);
		return -EINVAL;
	}
	memset(e, 0, sizeof(*e));
	strcpy(buf, text);
	nf = split_fields(buf, field);
	rc = check_fields(text, field, nf, err, errlen);
	if (rc)
		return rc;
	strcpy(e->pdev, field[0]);
	e->feature_host = nf == 3;
	rc = classify_pdev(text, e, err, errlen);
	if (rc)
		return rc;
	return parse_vdev(text, field[1], e, err, errlen) ? -EINVAL : 0;
}

static bool same_pdev(const struct vscsi_entry *a, const struct vscsi_entry *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case VSCSI_PDEV_HCTL:
		return a->phys.host == b->phys.host &&
		       a->phys.channel == b->phys.channel &&
		       a->phys.target == b->phys.target &&
		       a->phys.lun == b->phys.lun;
	case VSCSI_PDEV_WWN:
		return !strcasecmp(a->pdev, b->pdev);
	default:
		return !strcmp(a->pdev, b->pdev);
	}
}

static int check_pair(const struct vscsi_entry *a, const struct vscsi_entry *b,
		      bool allow_same_pdev, char *err, size_t errlen)
{
	char va[32], vb[32];
	const char *why = NULL;

	vscsi_format_virt_hctl(va, sizeof(va), &a->vdev);
	vscsi_format_virt_hctl(vb, sizeof(vb), &b->vdev);
	if (vscsi_virt_hctl_equal(&a->vdev, &b->vdev))
		why = "use the same vdev";
	else if (a->vdev.host == b->vdev.host &&
		 a->feature_host != b->feature_host)
		why = "share a vhost but disagree on feature-host";
	else if (!allow_same_pdev && same_pdev(a, b))
		why = "use the same pdev";
	if (!why)
		return 0;
	if (err && errlen)
		snprintf(err, errlen, "vscsi entries '%s,%s' and '%s,%s': %s",
			 a->pdev, va, b->pdev, vb, why);
	return -EINVAL;
}

int vscsi_entries_check(const struct vscsi_entry *e, size_t n,
			bool allow_same_pdev, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (check_pair(&e[i], &e[j], allow_same_pdev, err, errlen))
				return -EINVAL;
	return 0;
}

size_t vscsi_plan_slots(const struct vscsi_entry *e, size_t n,
			unsigned int first_devid, struct vscsi_slot *slot)
{
	size_t nr_vhosts = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j;

		/* An earlier entry with the same host number fixed the vhost. */
		for (j = 0; j < i && e[j].vdev.host != e[i].vdev.host; j++)
			;
		if (j < i) {
			slot[i].devid = slot[j].devid;
			slot[i].devn = 0;
			for (size_t k = 0; k < i; k++)
				if (slot[k].devid == slot[i].devid)
					slot[i].devn++;
		} else {
			slot[i].devid = first_devid + (unsigned int)nr_vhosts++;
			slot[i].devn = 0;
		}
	}
	return nr_vhosts;
}
