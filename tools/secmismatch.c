/*
 * secmismatch: every section mismatch of some objects, as Linux 6.1's
 * modpost words the first line of its warning (docs/initsavings.md).
 *
 *   secmismatch DIR|FILE...
 *	DIR: every *.ko under it. FILE: any ELF32 i386 relocatable (a Tessera NAME.o or .ko, a Linux
 *	i386 .ko). Reports each relocation that makes a core section point
 *	into an init section (gone after init) and each that makes an init
 *	section point into an exit section (exit code is dropped when the
 *	code is built in, and never runs before init ends), one line each:
 *	  WARNING: modpost: FILE(SEC+0xOFF): Section mismatch in reference
 *	  from the function f() to the function .init.text:g()
 *	("variable v" for an object, "(unknown reference) (unknown)" where
 *	no symbol names the place). A Tessera .ko's header field init is not
 *	one: insmod calls it once, before the discard. In a Tessera .ko the
 *	exit code lies in the core (.module), so only its NAME.o shows an
 *	init-to-exit reference. Exit status 0 if none, 1 if any, 2 if a file
 *	could not be read (named on stderr).
 */
#include <stdio.h>
#include <string.h>
#include "tools/secref.h"

/* "function", "()" / "variable", "" / "(unknown reference)", "" for the
 * symbol idx (0: none), as modpost names the two ends. */
static void pretty(const struct modelf *m, uint32_t idx, const char **kind,
		   const char **name, const char **paren)
{
	*name = idx ? modelf_sym_name(m, idx) : "(unknown)";
	*paren = "";
	if (!idx)
		*kind = "(unknown reference)";
	else if (ELF32_ST_TYPE(m->sym[idx].st_info) == STT_FUNC) {
		*kind = "function";
		*paren = "()";
	} else
		*kind = "variable";
}

/* The core sections modpost checks references from: code and data (and a
 * Tessera .ko's .module, which holds both). Tables the loader or the
 * kernel handle (__ex_table, __mcount_loc, .eh_frame, the module struct
 * .gnu.linkonce.this_module...) may point at init code: not checked;
 * nor .ref.* (Linux's __ref: references checked by hand). */
static int checked_core(const char *name)
{
	static const char *const exact[] = {
		".text", ".data", ".rodata", ".module", ".sched.text",
		".spinlock.text", ".irqentry.text", ".softirqentry.text",
		".kprobes.text", ".cpuidle.text", ".noinstr.text",
	};
	static const char *const prefix[] = { ".text.", ".data.", ".rodata." };

	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strcmp(name, exact[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof(prefix) / sizeof(prefix[0]); i++)
		if (strncmp(name, prefix[i], strlen(prefix[i])) == 0)
			return 1;
	return 0;
}

static int is_mismatch(const struct secref_obj *o, const struct secref *r)
{
	enum secref_class from = secref_class(o, r->from_sec);
	enum secref_class to = secref_class(o, r->to_sec);

	if (from == SECREF_CORE && to == SECREF_INIT)
		return checked_core(modelf_section_name(&o->m, r->from_sec)) &&
		       !secref_is_header_init(o, r->from_sec, r->from_off);
	return from == SECREF_INIT && to == SECREF_EXIT;
}

/* Prints one reference if it is a mismatch; counts it in *arg. */
static int report(void *arg, const struct secref_obj *o, const struct secref *r)
{
	const struct modelf *m = &o->m;
	const char *fk, *fn, *fp, *tk, *tn, *tp;
	uint32_t from, to = r->sym;

	if (!is_mismatch(o, r))
		return 0;
	secref_symbol_at(o, r->from_sec, r->from_off, &from);
	if (ELF32_ST_TYPE(m->sym[to].st_info) == STT_SECTION ||
	    !modelf_sym_name(m, to)[0])
		secref_symbol_at(o, r->to_sec, r->to_off, &to);
	pretty(m, from, &fk, &fn, &fp);
	pretty(m, to, &tk, &tn, &tp);
	printf("WARNING: modpost: %s(%s+0x%x): Section mismatch in reference "
	       "from the %s %s%s to the %s %s:%s%s\n", o->path,
	       modelf_section_name(m, r->from_sec), r->from_off, fk, fn, fp,
	       tk, modelf_section_name(m, r->to_sec), tn, tp);
	++*(unsigned *)arg;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned found = 0;
	int status;

	if (secref_usage("secmismatch", argc, argv))
		return 2;
	status = secref_files("secmismatch", argc, argv, report, NULL, &found);
	return status ? status : found != 0;
}
