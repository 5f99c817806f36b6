// SPDX-License-Identifier: GPL-2.0
/*
 * A small recursive-descent reader for xl domain configs.  Only `name` and
 * `vscsi` are kept; every other statement is still parsed so that syntax
 * errors anywhere are reported with their line, as xl itself would.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlcfg.h"

enum tok {
	T_EOF, T_NL, T_SEMI, T_EQ, T_PLUSEQ, T_LBRACK, T_RBRACK, T_COMMA,
	T_IDENT, T_STRING, T_NUMBER, T_ERROR,
};

/* Deep nesting is legal xl but never useful; bound the recursion. */
#define MAX_DEPTH 16

struct lexer {
	const char *p, *end;
	int line;
	enum tok tok;
	int tok_line;
	char *text;		/* IDENT/STRING/NUMBER value, malloc'd */
	char *err;
	size_t errlen;
	int rc;			/* first error: -EINVAL or -ENOMEM */
};

struct value {
	enum { V_ATOM, V_STRING, V_LIST } type;
	char *s;
	struct value **items;
	size_t n;
};

static void fail(struct lexer *lx, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (lx->rc)
		return;
	lx->rc = -EINVAL;
	if (!lx->err || !lx->errlen)
		return;
	n = snprintf(lx->err, lx->errlen, "line %d: ", line);
	if (n < 0 || (size_t)n >= lx->errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(lx->err + n, lx->errlen - n, fmt, ap);
	va_end(ap);
}

static void fail_nomem(struct lexer *lx)
{
	if (!lx->rc)
		lx->rc = -ENOMEM;
	if (lx->err && lx->errlen)
		snprintf(lx->err, lx->errlen, "out of memory");
}

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \xHH (exactly two digits) or up to three octal digits; -1 if malformed. */
static int numeric_escape(const char **pp, const char *end)
{
	const char *p = *pp;
	int v = 0, i;

	if (*p == 'x') {
		p++;
		if (end - p < 2 || hexval(p[0]) < 0 || hexval(p[1]) < 0)
			return -1;
		v = hexval(p[0]) * 16 + hexval(p[1]);
		*pp = p + 2;
		return v ? v : -1;
	}
	for (i = 0; i < 3 && p < end && *p >= '0' && *p <= '7'; i++, p++)
		v = v * 8 + (*p - '0');
	*pp = p;
	return v && v < 256 ? v : -1;
}

static int simple_escape(char c)
{
	static const char from[] = "\"'\\abfnrtv";
	static const char to[] = "\"'\\\a\b\f\n\r\t\v";
	const char *hit = strchr(from, c);

	return c && hit ? to[hit - from] : -1;
}

/* One escape after a backslash; returns the byte or -1. */
static int unescape(const char **pp, const char *end)
{
	int c = simple_escape(**pp);

	if (c >= 0) {
		(*pp)++;
		return c;
	}
	if (**pp == 'x' || (**pp >= '0' && **pp <= '7'))
		return numeric_escape(pp, end);
	return -1;
}

static void lex_string(struct lexer *lx)
{
	char quote = *lx->p++;
	size_t cap = (size_t)(lx->end - lx->p) + 1, n = 0;
	char *out = malloc(cap);

	if (!out) {
		fail_nomem(lx);
		lx->tok = T_ERROR;
		return;
	}
	while (lx->p < lx->end && *lx->p != quote && *lx->p != '\n') {
		int c = (unsigned char)*lx->p++;

		if (c == '\\') {
			if (lx->p >= lx->end || *lx->p == '\n')
				break;
			c = unescape(&lx->p, lx->end);
			if (c < 0) {
				fail(lx, lx->line, "bad escape sequence in string");
				free(out);
				lx->tok = T_ERROR;
				return;
			}
		}
		out[n++] = (char)c;
	}
	if (lx->p >= lx->end || *lx->p != quote) {
		fail(lx, lx->line, "unterminated string (missing %c)", quote);
		free(out);
		lx->tok = T_ERROR;
		return;
	}
	lx->p++;
	out[n] = '\0';
	lx->text = out;
	lx->tok = T_STRING;
}

static void lex_word(struct lexer *lx, enum tok tok)
{
	const char *start = lx->p;

	while (lx->p < lx->end &&
	       (is_ident_char(*lx->p) || (tok == T_NUMBER && *lx->p == '.')))
		lx->p++;
	lx->text = strndup(start, (size_t)(lx->p - start));
	if (!lx->text) {
		fail_nomem(lx);
		lx->tok = T_ERROR;
		return;
	}
	lx->tok = tok;
}

static void skip_blanks(struct lexer *lx)
{
	while (lx->p < lx->end) {
		if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r') {
			lx->p++;
		} else if (*lx->p == '#') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else {
			return;
		}
	}
}

static bool lex_punct(struct lexer *lx)
{
	static const char chars[] = "\n;=[],";
	static const enum tok toks[] = { T_NL, T_SEMI, T_EQ, T_LBRACK,
					 T_RBRACK, T_COMMA };
	const char *hit;

	if (lx->end - lx->p >= 2 && lx->p[0] == '+' && lx->p[1] == '=') {
		lx->p += 2;
		lx->tok = T_PLUSEQ;
		return true;
	}
	hit = *lx->p ? strchr(chars, *lx->p) : NULL;
	if (!hit)
		return false;
	lx->tok = toks[hit - chars];
	lx->p++;
	if (lx->tok == T_NL)
		lx->line++;
	return true;
}

static void next(struct lexer *lx)
{
	char c;

	free(lx->text);
	lx->text = NULL;
	if (lx->rc) {
		lx->tok = T_ERROR;
		return;
	}
	skip_blanks(lx);
	lx->tok_line = lx->line;
	if (lx->p >= lx->end) {
		lx->tok = T_EOF;
		return;
	}
	c = *lx->p;
	if (lex_punct(lx))
		return;
	if (c == '"' || c == '\'')
		lex_string(lx);
	else if (is_ident_start(c))
		lex_word(lx, T_IDENT);
	else if (c >= '0' && c <= '9')
		lex_word(lx, T_NUMBER);
	else if (c == '\0')
		fail(lx, lx->line, "NUL byte in config");
	else
		fail(lx, lx->line, "unexpected character '%c'", c);
	if (lx->rc)
		lx->tok = T_ERROR;
}

static void value_free(struct value *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		value_free(v->items[i]);
	free(v->items);
	free(v->s);
	free(v);
}

static struct value *parse_value(struct lexer *lx, int depth);

static void skip_newlines(struct lexer *lx)
{
	while (lx->tok == T_NL)
		next(lx);
}

static bool list_append(struct lexer *lx, struct value *list,
			struct value *item)
{
	struct value **items = realloc(list->items,
				       (list->n + 1) * sizeof(*items));

	if (!items) {
		fail_nomem(lx);
		value_free(item);
		return false;
	}
	list->items = items;
	list->items[list->n++] = item;
	return true;
}

/* After '[': items separated by commas, newlines anywhere, trailing comma. */
static struct value *parse_list(struct lexer *lx, int depth, int open_line)
{
	struct value *list = calloc(1, sizeof(*list));

	if (!list) {
		fail_nomem(lx);
		return NULL;
	}
	list->type = V_LIST;
	next(lx);
	for (;;) {
		struct value *item;

		skip_newlines(lx);
		if (lx->tok == T_RBRACK)
			break;
		if (lx->tok == T_EOF)
			fail(lx, open_line, "unterminated list ('[' without ']')");
		item = lx->rc ? NULL : parse_value(lx, depth + 1);
		if (!item || !list_append(lx, list, item))
			goto bad;
		skip_newlines(lx);
		if (lx->tok == T_COMMA) {
			next(lx);
			continue;
		}
		if (lx->tok == T_RBRACK)
			break;
		if (lx->tok == T_EOF)
			fail(lx, open_line, "unterminated list ('[' without ']')");
		else
			fail(lx, lx->tok_line, "expected ',' or ']' in list");
		goto bad;
	}
	next(lx);
	return list;
bad:
	value_free(list);
	return NULL;
}

static struct value *parse_value(struct lexer *lx, int depth)
{
	struct value *v;

	if (depth > MAX_DEPTH) {
		fail(lx, lx->tok_line, "lists nested too deeply");
		return NULL;
	}
	if (lx->tok == T_LBRACK)
		return parse_list(lx, depth, lx->tok_line);
	if (lx->tok != T_STRING && lx->tok != T_NUMBER) {
		fail(lx, lx->tok_line, "expected a value (string, number or list)");
		return NULL;
	}
	v = calloc(1, sizeof(*v));
	if (!v) {
		fail_nomem(lx);
		return NULL;
	}
	v->type = lx->tok == T_STRING ? V_STRING : V_ATOM;
	v->s = lx->text;
	lx->text = NULL;
	next(lx);
	return v;
}

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* vscsi must be a list of strings; append copies of them to cfg. */
static void take_vscsi(struct lexer *lx, struct xlcfg *cfg, bool append,
		       const struct value *v, int line)
{
	char **out;
	size_t base = append ? cfg->nr_vscsi : 0;

	if (v->type != V_LIST) {
		fail(lx, line, "vscsi must be a list, e.g. vscsi = [ '/dev/sdb,0:0:0:0' ]");
		return;
	}
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i]->type != V_STRING) {
			fail(lx, line, "vscsi item %zu is not a quoted string", i + 1);
			return;
		}
	if (!append) {
		strv_free(cfg->vscsi, cfg->nr_vscsi);
		cfg->vscsi = NULL;
		cfg->nr_vscsi = 0;
	}
	out = realloc(cfg->vscsi, (base + v->n + 1) * sizeof(*out));
	if (!out) {
		fail_nomem(lx);
		return;
	}
	cfg->vscsi = out;
	for (size_t i = 0; i < v->n; i++) {
		out[base + i] = strdup(v->items[i]->s);
		if (!out[base + i]) {
			cfg->nr_vscsi = base + i;
			fail_nomem(lx);
			return;
		}
	}
	cfg->nr_vscsi = base + v->n;
	cfg->has_vscsi = true;
}

static void take_name(struct lexer *lx, struct xlcfg *cfg,
		      const struct value *v, int line)
{
	if (v->type != V_STRING) {
		fail(lx, line, "name must be a quoted string");
		return;
	}
	free(cfg->name);
	cfg->name = strdup(v->s);
	if (!cfg->name)
		fail_nomem(lx);
}

static void store(struct lexer *lx, struct xlcfg *cfg, const char *key,
		  bool append, const struct value *v, int line)
{
	if (!strcmp(key, "vscsi"))
		take_vscsi(lx, cfg, append, v, line);
	else if (!strcmp(key, "name"))
		take_name(lx, cfg, v, line);
}

/* key = value | key += value, then end of statement. */
static void parse_statement(struct lexer *lx, struct xlcfg *cfg)
{
	char *key = lx->text;
	int line = lx->tok_line;
	bool append;
	struct value *v;

	lx->text = NULL;
	next(lx);
	if (lx->tok != T_EQ && lx->tok != T_PLUSEQ) {
		fail(lx, line, "expected '=' after '%s'", key);
		goto out;
	}
	append = lx->tok == T_PLUSEQ;
	next(lx);
	v = parse_value(lx, 0);
	if (!v)
		goto out;
	if (lx->tok != T_NL && lx->tok != T_SEMI && lx->tok != T_EOF)
		fail(lx, lx->tok_line, "junk after the value of '%s'", key);
	else
		store(lx, cfg, key, append, v, line);
	value_free(v);
out:
	free(key);
}

void xlcfg_free(struct xlcfg *cfg)
{
	free(cfg->name);
	strv_free(cfg->vscsi, cfg->nr_vscsi);
	memset(cfg, 0, sizeof(*cfg));
}

int xlcfg_parse(const char *text, size_t len, struct xlcfg *cfg,
		char *err, size_t errlen)
{
	struct lexer lx = {
		.p = text, .end = text + len, .line = 1,
		.err = err, .errlen = errlen,
	};

	memset(cfg, 0, sizeof(*cfg));
	next(&lx);
	while (!lx.rc && lx.tok != T_EOF) {
		if (lx.tok == T_NL || lx.tok == T_SEMI)
			next(&lx);
		else if (lx.tok == T_IDENT)
			parse_statement(&lx, cfg);
		else
			fail(&lx, lx.tok_line, "expected a setting name");
	}
	free(lx.text);
	if (lx.rc)
		xlcfg_free(cfg);
	return lx.rc;
}
