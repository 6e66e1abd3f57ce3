/*
 * insmod [-v] [-t] [-f] [-n] [--near=NAME] [--init=truncate|split|keep]
 * FILE [name=value ...]: loads a module through modfs,
 * using only files
 * (the protocol of docs/modfs.md). A pipeline of small steps; each one is a
 * file operation whose result decides whether the next runs. A failure at
 * any step undoes the earlier ones with one rmdir, which unmaps the image
 * and forgets the module, so nothing is left behind.
 *   -v  prints each step as the file operation it performs and its result,
 *       and a one-line picture of the layout
 *   -t  adds the guest TSC cycles each step took (make bench-modules)
 *   -f  loads a module whose version magic differs from the kernel's
 *       (/proc/vermagic): writes `force vermagic` before `init module`, and
 *       the kernel, the one that checks the magic, then starts it and
 *       taints itself F if the magic really differs; without -f the kernel
 *       refuses such a module at `init module` and insmod says why
 *   -n  dry run: checks the file and looks its imports up, then prints the
 *       shell commands that load it by hand (loader/byhand.c) and changes
 *       nothing
 *   --init=  what becomes of the init part after init (docs/modfs.md, "Init
 *       strategies"): truncate (the default, Zippel's: init last in the one
 *       image, cut off after init), split (Richter's: the init part is an
 *       image of its own, /mod/NAME/init, mapped apart and removed after
 *       init), keep (never discarded: the baseline)
 * The name=value words (module parameters) go to /mod/NAME/args, one a
 * line, before `init module`: the kernel sets them, or refuses a bad one
 * (docs/modules.md, "Module parameters").
 */
#include "loader/elf.h"
#include "loader/section_needed.h"
#include "loader/byhand.h"
#include "loader/imports.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <linux/slab.h>
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>

#define PAGES(bytes) (((bytes) + 4095) / 4096)

#define MAX_OWNERS 64	/* the kernel itself pins at most 16; it says so */

enum init_strategy { INIT_TRUNCATE, INIT_SPLIT, INIT_KEEP };

struct insmod {
	/* the fields up to dir start zeroed (insmod_main); the buffers
	 * from dir on are written before they are read */
	const char *path;
	enum init_strategy strategy;	/* --init= */
	bool split;			/* --init=split and there is an init part */
	int init_fd;
	uint32_t init_base;
	bool verbose, timing, force, dry_run;
	bool forced;			/* vermagic differs, -f given */
	const char *near;		/* --near=NAME: place next to NAME */
	char *file;			/* the .ko */
	size_t file_len;
	uint32_t bytes_read;		/* of it: what loading needs */
	const char *name;		/* the module's name, from its header */
	bool dir_made;
	int image_fd;
	int control_fd;			/* open from the first command on */
	uint32_t base;
	uint8_t *image;			/* the relocated image */
	uint32_t *values;		/* each symbol's address (modreloc_apply) */
	uint32_t n_resolved;		/* resolve_next: answers handed over */
	bool values_inside;		/* values lies in image's allocation */
	bool small_buffers;		/* image and values are kmalloc's */
	unsigned n_owners;
	char **args;			/* name=value words */
	int n_args;
	uint64_t t0, total;		/* cycles */
	/* not zeroed: */
	char dir[80], control[96], image_path[96];	/* make_directory */
	char init_path[96];		/* /mod/NAME/init (split; make_directory) */
	struct modelf m;		/* modelf_parse sets it all */
	struct ksym_table syms;		/* ksym_table_init in insmod_main */
	const char *owners[MAX_OWNERS];	/* modules it uses, [0..n_owners) */
};

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* Prints one -v line: "insmod: STEP = RESULT [(N cycles)]". */
static void step(struct insmod *c, int result, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void step(struct insmod *c, int result, const char *fmt, ...)
{
	uint64_t now = rdtsc(), spent = now - c->t0;
	char line[200];
	va_list ap;

	c->total += spent;
	if (c->verbose) {
		va_start(ap, fmt);
		vsnprintf(line, sizeof(line), fmt, ap);
		va_end(ap);
		if (c->timing)
			out_printf(1, "insmod: %s = %d (%llu cycles)\n", line, result, spent);
		else
			out_printf(1, "insmod: %s = %d\n", line, result);
	}
	c->t0 = rdtsc();
}

/* The kernel's advice when it refuses another version magic at `init
 * module` (kernel/module.c, check_vermagic), said to insmod's user as the
 * option that writes it. */
static const char force_hint[] = "; write 'force vermagic' to load it anyway";

/* Says why the kernel refused the step that returned err, from the
 * module's error file: "insmod: cannot insert initfail: init: the module's
 * init function returned -19 (No such device)"; a reason ending in the
 * kernel's advice to write `force vermagic` ends "; insmod -f loads it
 * anyway" instead. If even that cannot be read, the errno and the reason
 * it could not be read are given. */
static int kernel_refused(struct insmod *c, int err)
{
	char reason[MODULE_REASON_MAX];
	int recorded, rerr = tool_module_error(c->name, &recorded, reason, sizeof(reason));
	size_t len = rerr ? 0 : strlen(reason), hint = sizeof(force_hint) - 1;

	if (!rerr && recorded == err && len > hint && !strcmp(reason + len - hint, force_hint))
		out_printf(2, "insmod: cannot insert %s: %.*s; insmod -f loads it anyway\n",
			   c->name, (int)(len - hint), reason);
	else if (!rerr && recorded == err && reason[0])
		out_printf(2, "insmod: cannot insert %s: %s\n", c->name, reason);
	else if (rerr)
		out_printf(2, "insmod: cannot insert %s: %s (the kernel's reason could not "
			   "be read from %s/error: %s)\n", c->name, strerror(err), c->dir,
			   strerror(rerr));
	else
		out_printf(2, "insmod: cannot insert %s: %s\n", c->name, strerror(err));
	return err;
}

/* pread_all's reads after a first one that moved n > 0 bytes but not
 * all of them (a pread may be short), or none (n: 0 or -errno). */
static __attribute__((__noinline__)) int
read_rest(struct insmod *c, int fd, uint32_t off, uint32_t len, ssize_t n)
{
	while (n > 0) {
		off += n, len -= n;
		if (!len)
			return 0;
		n = sys_pread(fd, c->file + off, len, off);
	}
	return n < 0 ? n : -EIO;
}

/* Reads the len bytes at offset off of fd (inside the file, len > 0)
 * into c->file + off: 0, or -EIO for a file that ended early, or the
 * read's -errno. A pread of a file in memory moves everything asked at
 * once: the rest of the plain loop (read_rest) is out of line. */
static inline int pread_all(struct insmod *c, int fd, uint32_t off, uint32_t len)
{
	ssize_t n = sys_pread(fd, c->file + off, len, off);

	return n == (ssize_t)len ? 0 : read_rest(c, fd, off, len, n);
}

/* Reads len bytes at offset off of fd into c->file + off, if they lie
 * in the file (else leaves them: the checks will say what is wrong), and
 * counts them in bytes_read (which an error makes moot). With pread: no
 * lseek before each read. */
static inline int read_at(struct insmod *c, int fd, uint32_t off, uint32_t len)
{
	if (off > c->file_len || len > c->file_len - off || !len)
		return 0;
	c->bytes_read += len;
	return pread_all(c, fd, off, len);
}

#define READ_RANGES 32	/* sections sorted for merged reads; more: in turns */
#define READ_GAP 16	/* what is read between two sections to merge them */

struct range {
	uint32_t off, len;
};

/* Reads the ranges r[0..n) (sorted by offset, inside the file): one read
 * for ranges less than READ_GAP bytes apart, the padding of their
 * sections' alignment (a read costs about 105 instructions besides its
 * copy; 16 bytes of copying, 4). bytes_read counts the ranges' bytes, not
 * the padding. */
static int read_ranges(struct insmod *c, int fd, const struct range *r, uint32_t n)
{
	uint32_t i = 0;
	int err = 0;

	while (i < n && !err) {
		uint32_t off = r[i].off, end = off + r[i].len, sum = r[i].len;

		for (i++; i < n && r[i].off < end + READ_GAP; i++) {
			end = r[i].off + r[i].len > end ? r[i].off + r[i].len : end;
			sum += r[i].len;
		}
		c->bytes_read += sum;
		err = pread_all(c, fd, off, end - off);
	}
	return err;
}

/* ld -r writes the section names just before the section table: this
 * many bytes before the table are read with it (about 64 instructions of
 * copying), which saves the names their own read (about 150) when they
 * all lie there (hello.ko's 180 bytes do), and costs that much more when
 * they do not. */
#define NAMES_BEFORE 256

/* The section names (section s, .shstrtab): already read if they lie in
 * [from, table) (so inside the file), else read if they lie inside the
 * file; *shstr and *size (section_names_size) set when they are there,
 * left NULL and 0 when not, for the checks to judge. Part of
 * read_sections, inlined into it. */
static inline __attribute__((__always_inline__)) int
read_names(struct insmod *c, int fd, const Elf32_Shdr *s, uint32_t from, uint32_t table,
	   const char **shstr, uint32_t *size)
{
	uint32_t at = s->sh_offset, n = s->sh_size, len = c->file_len;
	int err;

	if (at >= from && at <= table && n <= table - at) {
		c->bytes_read += n;
	} else if (at <= len && n <= len - at) {
		if ((err = read_at(c, fd, at, n)))
			return err;
	} else {
		return 0;
	}
	*shstr = c->file + at;
	*size = section_names_size(*shstr, n);
	return 0;
}

/* Reads the ELF header, the section table, then only the sections whose
 * bytes the checks and the image need (section_needed: not the debug
 * information), each where it lies in the file; the rest of the buffer
 * stays unread (and uninitialised). A file whose section table is not
 * where its header says is read whole, for the checks to judge. Not
 * inlined: inside insmod_main its loop ran short of registers (about 110
 * instructions more for hello). */
static __attribute__((__noinline__)) int read_sections(struct insmod *c, int fd)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)c->file;
	const Elf32_Shdr *sh, *s;
	uint32_t shnum = eh->e_shnum, x = eh->e_shstrndx, size = 0;
	uint32_t table = eh->e_shoff, from, len = c->file_len;
	const char *shstr = NULL;
	struct range r[READ_RANGES], *rp = r, *q;
	uint8_t unread[MODELF_MAX_SECTIONS];	/* section_needed's answers */
	int err;

	if (eh->e_shentsize != sizeof(Elf32_Shdr) || !shnum ||
	    shnum > MODELF_MAX_SECTIONS || table % 4 || table > len ||
	    shnum * sizeof(Elf32_Shdr) > len - table)
		return read_at(c, fd, sizeof(Elf32_Ehdr), len - sizeof(Elf32_Ehdr));
	/* the table (inside the file, tested above) with up to NAMES_BEFORE
	 * bytes before it (not before the header's end), which are not
	 * counted as read */
	from = table < sizeof(Elf32_Ehdr) + NAMES_BEFORE ?
	       (table < sizeof(Elf32_Ehdr) ? table : sizeof(Elf32_Ehdr)) :
	       table - NAMES_BEFORE;
	if ((err = pread_all(c, fd, from, table + shnum * sizeof(Elf32_Shdr) - from)))
		return err;
	c->bytes_read += shnum * sizeof(Elf32_Shdr);
	sh = (const Elf32_Shdr *)(c->file + table);
	if (x && x < shnum && sh[x].sh_type == SHT_STRTAB &&
	    (err = read_names(c, fd, &sh[x], from, table, &shstr, &size)))
		return err;
	/* one pass over the table: each needed section (section_needed,
	 * asked in order) with bytes in the file, other than the names (read
	 * above), is a range to read, put in r[] sorted by offset (ld lays
	 * the .rel sections out last in the file but early in the table: a
	 * later section moves the few .rel ranges up by one);
	 * a section not inside the file is left unread, as read_at would
	 * leave it, for the checks to judge */
	unread[0] = 0;
	for (uint32_t i = 1; i < shnum; i++) {
		uint32_t end;

		s = &sh[i];
		/* end <= sh_offset: no bytes, or past 4 GiB (the sum wrapped) */
		if (!section_needed(sh, shnum, shstr, size, i, unread) ||
		    i == x || s->sh_type == SHT_NOBITS ||
		    (end = s->sh_offset + s->sh_size) <= s->sh_offset || end > len)
			continue;
		if (rp == r + READ_RANGES) {
			if ((err = read_ranges(c, fd, r, READ_RANGES)))
				return err;
			rp = r;
		}
		for (q = rp++; q > r && q[-1].off > s->sh_offset; q--)
			*q = q[-1];
		*q = (struct range){ s->sh_offset, s->sh_size };
	}
	return read_ranges(c, fd, r, rp - r);
}

/* Opens the .ko and reads what loading needs (read_sections) into a
 * buffer of the file's size. Returns 0 or -errno (-EINVAL: not a
 * regular file). */
static int read_needed(struct insmod *c)
{
	struct stat st;
	int fd = sys_open(c->path, O_RDONLY), err;

	if (fd < 0)
		return fd;
	err = sys_fstat(fd, &st);
	if (!err && S_ISDIR(st.st_mode))
		err = -EISDIR;
	else if (!err && !S_ISREG(st.st_mode))
		err = -EINVAL;
	if (!err) {
		c->file_len = st.st_size;
		/* not zeroed: the bytes left unread are never read
		 * (modelf_section_needed); the malformed set loads the same
		 * with them filled with 0xa5 */
		c->file = tool_alloc_uninit(c->file_len + 1);
		err = c->file ? 0 : -ENOMEM;
	}
	if (!err)
		c->file[c->file_len] = '\0';
	if (!err && c->file_len < sizeof(Elf32_Ehdr))
		err = read_at(c, fd, 0, c->file_len);
	else if (!err && !(err = pread_all(c, fd, 0, sizeof(Elf32_Ehdr)))) {
		c->bytes_read = sizeof(Elf32_Ehdr);
		err = read_sections(c, fd);
	}
	sys_close(fd);
	return err;
}

static int read_object(struct insmod *c)
{
	int err = read_needed(c);

	step(c, err ? err : (int)c->bytes_read, "read %s (the sections it needs, of %u bytes)",
	     c->path, (unsigned)c->file_len);
	if (err == -EINVAL)
		out_printf(2, "insmod: %s: not a regular file\n", c->path);
	else if (err)
		cmd_error("insmod", c->path, err);
	if (err)
		return err;
	/* each relocation is checked as it is applied (link_image); -n
	 * applies none and --init=split relocates with
	 * modreloc_apply_split, which checks nothing itself, so for those
	 * they are checked here */
	err = c->dry_run || c->strategy == INIT_SPLIT ?
			   modelf_parse(c->file, c->file_len, &c->m) :
			   modelf_parse_lazy(c->file, c->file_len, &c->m);
	step(c, err, "check ELF object (%u relocations)", c->m.nrel);
	if (err) {
		out_printf(2, "insmod: %s: %s\n", c->path, c->m.why);
		return err;
	}
	c->name = c->m.hdr.name;
	c->split = c->strategy == INIT_SPLIT && c->m.hdr.init_size;
	if (c->m.warn[0])	/* built with KBUILD_MODPOST_WARN=1 */
		out_printf(2, "insmod: %s: warning: %s\n", c->name, c->m.warn);
	return 0;
}

/* Reads the kernel's version magic (/proc/vermagic, one line) into
 * buf[size] without its newline, needing no memory (a step that fails
 * under memory pressure should be a later one, which says what it lacks).
 * Returns 0 or -errno. */
static int kernel_vermagic(char *buf, size_t size)
{
	int fd = sys_open("/proc/vermagic", O_RDONLY);
	size_t got = 0;
	ssize_t n = 0;

	if (fd < 0)
		return fd;
	while (got < size - 1 && (n = sys_read(fd, buf + got, size - 1 - got)) > 0)
		got += n;
	sys_close(fd);
	buf[got] = '\0';
	if (got && buf[got - 1] == '\n')
		buf[got - 1] = '\0';
	return n < 0 ? n : 0;
}

/* insmod -n only: the module's vermagic must be the kernel's
 * (/proc/vermagic), word for word, or it was built for another kernel:
 * refused as the kernel would refuse it at `init module`, naming both,
 * unless -f, which the by-hand commands then say as `force vermagic`. A
 * real load does not read /proc/vermagic: the kernel checks the magic
 * itself at `init module` (kernel/module.c), the one check, as Linux's. */
static int check_vermagic(struct insmod *c)
{
	const char *mine = modelf_modinfo(&c->m, "vermagic");
	char kernel[128];
	int err = kernel_vermagic(kernel, sizeof(kernel));

	if (err) {
		step(c, err, "read /proc/vermagic");
		out_printf(2, "insmod: %s: cannot read the kernel's version magic from "
			   "/proc/vermagic: %s\n", c->name, strerror(err));
		return err;
	}
	if (!mine || strcmp(mine, kernel)) {
		err = c->force ? 0 : -ENOEXEC;
		if (!mine)
			out_printf(2, "insmod: %s: no version magic%s\n", c->name,
				   c->force ? "; loading it anyway (-f)" : ": not loaded");
		else
			out_printf(2, "insmod: %s: version magic '%s' should be '%s'%s\n",
				   c->name, mine, kernel, c->force ? "; loading it anyway (-f)" : "");
		c->forced = c->force;
	}
	step(c, err, "check vermagic against /proc/vermagic");
	return err;
}

/* Writes one command to the module's control file, through one
 * descriptor opened at the first command and kept to the end of the load
 * (an open costs about 1k instructions). Returns 0 or the command's
 * -errno, as a write of its own would. */
static int command(struct insmod *c, const char *cmd)
{
	size_t len = strlen(cmd);
	ssize_t n;

	if (c->control_fd < 0) {
		int fd = sys_open(c->control, O_RDWR);	/* read: the answers */

		if (fd < 0)
			return fd;
		c->control_fd = fd;
	}
	n = sys_write(c->control_fd, cmd, len);
	return n < 0 ? n : n == (ssize_t)len ? 0 : -EIO;
}

/* -v: the gdb command that loads the module's symbols where they now are
 * (docs/debugging.md "Debugging with gdb"): each section's address in the
 * .ko is its image offset, so -o BASE places all three. The file is named
 * as the host has it: build/modules/ for the ramdisk's /lib/modules/.
 * --init=split: printed once the init base is known; -o BASE then places
 * the core only, and gdb (13) cannot place .module.init apart: `-s
 * .module.init ADDR` is an internal error on an object without .text. */
static void gdb_line(struct insmod *c)
{
	const char *lib = "/lib/modules/";
	bool in_lib = !strncmp(c->path, lib, strlen(lib));
	char note[160] = "";

	if (c->split && !c->init_base)
		return;		/* map_init_part prints it */
	if (c->split)
		snprintf(note, sizeof(note), " (the core only: the init part is apart "
			 "at 0x%08x, and gdb cannot place .module.init alone in these "
			 "objects without .text)", c->init_base);
	out_printf(1, "insmod: gdb: add-symbol-file %s%s -o 0x%08x%s\n",
		   in_lib ? "build/modules/" : "", in_lib ? c->path + strlen(lib) : c->path,
		   c->base, note);
	c->t0 = rdtsc();	/* -t: printing it is no step's cost, as for step lines */
}

/* insmod -v --near=NAME: what the hint did, as status's placement line says
 * it ("placement: pack, ... (near libdemo: its page was full; placed first
 * fit)"); shown, never parsed. Nothing if status has no such line. */
static void near_line(struct insmod *c)
{
	char status[768], *line, *end;

	if (tool_module_file(c->name, "status", status, sizeof(status)))
		return;
	line = strstr(status, "placement:");
	end = line ? strchr(line, '\n') : NULL;
	if (end) {
		line += strlen("placement:");
		while (*line == ' ')
			line++;
		out_printf(1, "insmod: placement: %.*s\n", (int)(end - line), line);
	}
	c->t0 = rdtsc();	/* -t: no step's cost, as for the gdb line */
}

/* insmod -f: permission to start a module of another version magic; the
 * kernel taints itself F at `init module` only if the magic differs. */
static int tell_forced(struct insmod *c)
{
	int err;

	if (!c->force)
		return 0;
	err = command(c, "force vermagic");
	step(c, err, "write %s \"force vermagic\"", c->control);
	return err ? kernel_refused(c, err) : 0;
}

/* path = the directory's path (n bytes) then "/file", NUL included: the
 * caller knows both lengths, so two copies and no strlen or strlcat; the
 * file's name is a constant, copied by a few inline moves. */
static inline void dir_path(char *path, const char *dir, size_t n, const char *file,
			    size_t file_size)
{
	memcpy(path, dir, n);
	__builtin_memcpy(path + n, file, file_size);
}

#define MOD_PREFIX_LEN (sizeof("/mod/") - 1)

/* The header's name was checked (module_name_valid: 1..MODULE_NAME_LEN-1
 * bytes), so /mod/NAME and its files' paths always fit their buffers (the
 * asserts say so): built in one pass with known lengths, not with strlcpy
 * and strlcat, which measure every string again. */
static int make_directory(struct insmod *c)
{
	size_t len = strlen(c->name), n = MOD_PREFIX_LEN + len;
	int err;

	_Static_assert(sizeof(c->dir) >= MOD_PREFIX_LEN + MODULE_NAME_LEN, "fits");
	_Static_assert(sizeof(c->control) >= sizeof(c->dir) + sizeof("/control") &&
		       sizeof(c->image_path) >= sizeof(c->dir) + sizeof("/module") &&
		       sizeof(c->init_path) >= sizeof(c->dir) + sizeof("/init"), "fit");
	__builtin_memcpy(c->dir, "/mod/", MOD_PREFIX_LEN);
	memcpy(c->dir + MOD_PREFIX_LEN, c->name, len + 1);
	dir_path(c->control, c->dir, n, "/control", sizeof("/control"));
	dir_path(c->image_path, c->dir, n, "/module", sizeof("/module"));
	dir_path(c->init_path, c->dir, n, "/init", sizeof("/init"));
	err = sys_mkdir(c->dir);
	step(c, err, "mkdir %s", c->dir);
	if (err == -EEXIST) {
		char state[32];
		tool_status_field(c->name, "state", state, sizeof(state));
		if (!strcmp(state, "live"))
			out_printf(2, "insmod: %s: a module named %s is already loaded\n",
				   c->path, c->name);
		else
			out_printf(2, "insmod: %s: %s exists and is %s; rmmod %s first\n",
				   c->path, c->dir, state[0] ? state : "not a module", c->name);
	}
	else if (err)
		out_printf(2, "insmod: %s: cannot make %s: %s\n", c->name, c->dir,
			   strerror(err));
	c->dir_made = !err;
	return err;
}

/* Reads the answer of the command just written on the control
 * descriptor: after `map module` or `map init`, the base of what it
 * mapped, "0xf000c000\n" (docs/modfs.md, "control"), into *base; 0 if
 * there was no answer or it is not "0x" and hex digits in lower case, as
 * the kernel writes it (for that form, strtoul(text, NULL, 16)'s answer,
 * without its generality: about 50 instructions, not 180). Returns 0 or
 * the read's -errno. */
static int read_answer(struct insmod *c, uint32_t *base)
{
	char text[16];
	ssize_t n = sys_read(c->control_fd, text, sizeof(text) - 1);
	uint32_t v = 0;

	*base = 0;
	if (n < 0)
		return n;
	text[n] = '\0';
	if (text[0] != '0' || text[1] != 'x')
		return 0;
	for (const char *p = text + 2;; p++) {
		if ((unsigned)(*p - '0') < 10)
			v = v * 16 + (unsigned)(*p - '0');
		else if ((unsigned)(*p - 'a') < 6)
			v = v * 16 + (unsigned)(*p - 'a') + 10;
		else
			break;
	}
	*base = v;
	return 0;
}

/* --init=split: creates /mod/NAME/init, sizes it to the init part, maps
 * it (`map init`) and reads where from the control descriptor (its
 * answer). --init=keep: says `keep init`. */
static int map_init_part(struct insmod *c)
{
	uint32_t size = c->m.hdr.init_size;
	int err;

	if (c->strategy == INIT_KEEP) {
		err = command(c, "keep init");
		step(c, err, "write %s \"keep init\"", c->control);
		return err ? kernel_refused(c, err) : 0;
	}
	if (!c->split)
		return 0;
	c->init_fd = sys_open(c->init_path, O_RDWR | O_CREAT);
	err = c->init_fd < 0 ? c->init_fd : sys_ftruncate(c->init_fd, size);
	step(c, err, "create and ftruncate %s %u (init image)", c->init_path, size);
	if (err) {
		out_printf(2, "insmod: %s: cannot make the %u-byte init image %s: %s\n",
			   c->name, size, c->init_path, strerror(err));
		return err;
	}
	err = command(c, "map init");
	step(c, err, "write %s \"map init\"", c->control);
	if (err)
		return kernel_refused(c, err);
	err = read_answer(c, &c->init_base);
	step(c, err, "read %s: init base 0x%08x", c->control, c->init_base);
	if (err)
		out_printf(2, "insmod: %s: cannot read the init base from %s: %s\n",
			   c->name, c->control, strerror(err));
	else if (!c->init_base) {
		out_printf(2, "insmod: %s: %s gives no init base after map init\n",
			   c->name, c->control);
		err = -EIO;
	}
	if (!err && c->verbose)
		gdb_line(c);
	return err;
}

static int size_and_map(struct insmod *c)
{
	uint32_t size = c->split ? c->m.hdr.core_size : c->m.image_size;
	int err;

	c->image_fd = sys_open(c->image_path, O_RDWR);
	err = c->image_fd < 0 ? c->image_fd : sys_ftruncate(c->image_fd, size);
	step(c, err, "ftruncate %s %u (%s size)", c->image_path, size,
	     c->split ? "core" : "image");
	if (err) {
		out_printf(2, "insmod: %s: cannot size the image file to %u bytes (core %u + "
			   "init %u): %s\n", c->name, size, c->m.hdr.core_size,
			   c->m.hdr.init_size, strerror(err));
		return err;
	}
	if (c->near) {	/* a placement hint (modalloc=pack, docs/modfs.md) */
		char cmd[80];

		snprintf(cmd, sizeof(cmd), "near %s", c->near);
		err = command(c, cmd);
		step(c, err, "write %s \"%s\"", c->control, cmd);
		if (err)
			return kernel_refused(c, err);
	}
	err = command(c, "map module");
	step(c, err, "write %s \"map module\"", c->control);
	if (err)
		return kernel_refused(c, err);
	err = read_answer(c, &c->base);	/* map's answer: no open of base */
	step(c, err, "read %s: 0x%08x", c->control, c->base);
	if (!err && c->base && c->verbose)
		gdb_line(c);
	if (!err && c->near && c->verbose)
		near_line(c);
	if (err)
		out_printf(2, "insmod: %s: cannot read the base address from %s: "
			   "%s\n", c->name, c->control, strerror(err));
	else if (!c->base) {
		out_printf(2, "insmod: %s: %s gives no base address after map\n",
			   c->name, c->control);
		err = -EIO;
	}
	return err;
}

_Static_assert(MAX_OWNERS == IMPORTS_MAX_OWNERS, "imports_check fills owners");

/* Every import known, with its CRC; the modules it uses noted in owners
 * (loader/imports.c). */
static int check_imports(struct insmod *c)
{
	return imports_check("insmod", "not loaded", &c->m, &c->syms, c->owners,
			     &c->n_owners);
}

static int resolve(void *arg, const char *name, uint32_t *value)
{
	return imports_resolve(&((struct insmod *)arg)->syms, name, value);
}

/* The symbols the module imports, looked up (loader/imports.c): asked
 * on the control descriptor once a load has it open (no open and close
 * of /proc/ksym_lookup), else (insmod -n) in /proc/ksym_lookup. */
static int look_up_imports(struct insmod *c)
{
	const char *file = c->control_fd >= 0 ? c->control : NULL;
	int err = imports_look_up_on("insmod", &c->m, &c->syms, file, c->control_fd);

	step(c, err, "look up %u symbol%s in %s (%u known)", c->syms.count,
	     c->syms.count == 1 ? "" : "s", file ? file : "/proc/ksym_lookup", c->syms.known);
	return err;
}

/* A buffer up to this many bytes is kmalloc's: a slab object, where a
 * vmalloc maps a page of its own (hello: its image of 456 bytes and its
 * 784 of addresses, about 75 instructions for both instead of 315). */
#define KMALLOC_SMALL 2048

/* The buffers for the relocated image and the symbols' addresses, left
 * as they come: the relocator writes every byte of the image (the parts
 * lie end to end from offset 0 to image_size, modelf_parse checks it: it
 * copies .module and .module.init and zero-fills .module.bss) and every
 * value it reads. Two small ones from kmalloc; else both in one vmalloc
 * (the addresses after the image, word-aligned): one vmalloc and one
 * vfree less a load; if that fails, one each, as before, so that the
 * message names the buffer that found no memory. */
static int image_and_values(struct insmod *c)
{
	size_t at = ((size_t)c->m.image_size + 3) & ~(size_t)3;
	size_t words = MODRELOC_LAZY_WORDS(c->m.nsym);

	if (at <= KMALLOC_SMALL && words <= KMALLOC_SMALL / sizeof(uint32_t) &&
	    (c->image = kmalloc(at))) {
		if ((c->values = kmalloc(words * sizeof(uint32_t)))) {
			c->small_buffers = true;
			return 0;
		}
		kfree(c->image);
	}
	if (words <= (SIZE_MAX - at) / sizeof(uint32_t) &&
	    (c->image = tool_alloc_uninit(at + words * sizeof(uint32_t)))) {
		c->values = (uint32_t *)(c->image + at);
		c->values_inside = true;
		return 0;
	}
	c->image = tool_alloc_uninit(c->m.image_size);
	if (!c->image) {
		out_printf(2, "insmod: %s: no memory for the %u-byte relocated image: %s\n",
			   c->name, c->m.image_size, strerror(-ENOMEM));
		return -ENOMEM;
	}
	c->values = tool_alloc_uninit(words * sizeof(uint32_t));
	if (!c->values) {
		out_printf(2, "insmod: %s: no memory for the addresses of its %u symbols: %s\n",
			   c->name, c->m.nsym, strerror(-ENOMEM));
		return -ENOMEM;
	}
	return 0;
}

/*
 * resolve for the relocator, with no second lookup by name: it asks for
 * the imports in symbol order (modreloc_apply_lazy's rows), the order
 * imports_look_up asked the kernel, so the next question is most likely
 * the next answer's. imports_answer hands that answer over only when
 * name is the very string that was asked (the same pointer into
 * .strtab); any other question (the relocator's slow path asks again, in
 * its own order) is looked up by name as before. Either way name gets
 * the answer the kernel gave for it.
 */
static int resolve_next(void *arg, const char *name, uint32_t *value)
{
	struct insmod *c = arg;
	int err = imports_answer(&c->syms, c->n_resolved, name, value);

	if (err <= 0) {
		c->n_resolved++;
		return err;
	}
	return imports_resolve(&c->syms, name, value);
}

static int link_image(struct insmod *c)
{
	int err = look_up_imports(c);

	if (err)
		return err;
	err = check_imports(c);
	step(c, err, "resolve and check versions (uses %u module%s)", c->n_owners,
	     c->n_owners == 1 ? "" : "s");
	if (err)
		return err;
	if ((err = image_and_values(c)))
		return err;
	if (c->split) {
		err = modreloc_apply_split(&c->m, c->image, c->base, c->init_base, resolve,
					   c, c->values);
		step(c, err, "relocate %u relocations for base 0x%08x, init base 0x%08x",
		     c->m.nrel, c->base, c->init_base);
	} else {
		/* checks each relocation as it applies it (modelf_parse_lazy) */
		c->n_resolved = 0;
		err = modreloc_apply_lazy(&c->m, c->image, c->base, resolve_next, c,
					  c->values);
		step(c, err, "relocate %u relocations for base 0x%08x", c->m.nrel, c->base);
	}
	if (err)
		out_printf(2, "insmod: %s: %s\n", c->path, c->m.why);
	return err;
}

#define SYMBOLS_ON_STACK 512	/* a packed table up to this needs no memory */
#define SYMBOLS_SURELY_BIG 2048	/* a bound above this: allocate it, pack once */

/* Hands the kernel the module's symbols (loader/symbols.c), which only
 * its oops printer reads: packed, in one write, from the stack when it
 * fits (hello's 13 take 349 bytes; a large table is packed once into
 * memory of its bound), on the control descriptor, which
 * takes a packed table as `symbols` does (docs/modfs.md): no open and
 * close of its own. */
static int write_symbols(struct insmod *c)
{
	uint8_t small[SYMBOLS_ON_STACK], *table = small;
	/* every symbol listed with a whole string table of names: a bound
	 * unless names share bytes (below) */
	size_t bound = MODSYMS_MAGIC_LEN + (size_t)c->m.nsym * MODSYMS_ENTRY + c->m.str_size;
	size_t len = 0;
	uint32_t n = 0;
	int err = -ENOMEM;

	/* memory not zeroed: the pack writes every byte of the len it sends */
	if (bound > SYMBOLS_SURELY_BIG) {	/* one pack, not one to measure */
		if ((table = tool_alloc_uninit(bound)))
			len = modelf_symbols_pack(&c->m, table, bound, &n);
		else	/* only to count them, for the message */
			modelf_symbols_pack(&c->m, small, sizeof(small), &n);
		/* symbols of one name share its bytes in .strtab (ld keeps
		 * one copy of equal strings: two static helpers), so the
		 * bound may fall short: then pack again into what it needs */
		if (table && len > bound) {
			tool_free(table);
			if ((table = tool_alloc_uninit(len)))
				modelf_symbols_pack(&c->m, table, len, &n);
		}
	} else {
		len = modelf_symbols_pack(&c->m, small, sizeof(small), &n);
		if (len > sizeof(small) && (table = tool_alloc_uninit(len)))
			modelf_symbols_pack(&c->m, table, len, &n);
	}
	if (table) {
		ssize_t w = c->control_fd < 0 ? -EBADF : sys_write(c->control_fd, table, len);

		err = w < 0 ? w : w == (ssize_t)len ? 0 : -EIO;
	}
	step(c, err, "write %s: the symbol table (%u symbols)", c->control, n);
	if (table != small)
		tool_free(table);
	if (err && !table)
		out_printf(2, "insmod: %s: no memory for the table of its %u symbols: %s\n",
			   c->name, n, strerror(err));
	return err && table ? kernel_refused(c, err) : err;
}

/* Init faulted (the kernel's reason starts "init faulted:"): the kernel
 * printed the oops and keeps the module, marked; say where it faulted and
 * leave it (an rmdir would be refused). Any other failure: kernel_refused. */
static int init_failed(struct insmod *c, int err)
{
	char reason[MODULE_REASON_MAX];
	int recorded;

	if (tool_module_error(c->name, &recorded, reason, sizeof(reason)) ||
	    recorded != err || strncmp(reason, "init faulted:", 13))
		return kernel_refused(c, err);
	out_printf(2, "insmod: %s: %s\n", c->name, reason);
	out_printf(2, "insmod: %s stays loaded, marked faulted; rmmod -f %s removes it\n",
		   c->name, c->name);
	c->dir_made = false;
	return err;
}

/* The parameters, one "name=value" a line, in one write to args. */
static int write_args(struct insmod *c)
{
	size_t len = 0, off = 0;
	char path[112], *text;
	int err;

	if (!c->n_args)
		return 0;
	for (int i = 0; i < c->n_args; i++)
		len += strlen(c->args[i]) + 1;
	text = tool_alloc(len + 1);
	if (!text) {
		out_printf(2, "insmod: %s: no memory for its %d arguments: %s\n", c->name,
			   c->n_args, strerror(-ENOMEM));
		return -ENOMEM;
	}
	for (int i = 0; i < c->n_args; i++)
		off += snprintf(text + off, len + 1 - off, "%s\n", c->args[i]);
	snprintf(path, sizeof(path), "%s/args", c->dir);
	err = tool_write_line(path, text);
	step(c, err, "write %s (%d argument%s)", path, c->n_args, c->n_args == 1 ? "" : "s");
	tool_free(text);
	return err ? kernel_refused(c, err) : 0;
}

/* Writes len bytes of the relocated image from off to the file fd. */
static int write_part(struct insmod *c, int fd, const char *path, uint32_t off,
		      uint32_t len)
{
	ssize_t n = sys_lseek(fd, 0, SEEK_SET);

	if (n == 0)
		n = sys_write(fd, c->image + off, len);
	step(c, n, "write %s %u bytes", path, len);
	if (n != (ssize_t)len) {
		cmd_error("insmod", path, n < 0 ? n : -EIO);
		return n < 0 ? n : -EIO;
	}
	return 0;
}

static int write_and_start(struct insmod *c)
{
	uint32_t core = c->m.hdr.core_size;
	char cmd[80];
	int err = write_part(c, c->image_fd, c->image_path, 0,
			     c->split ? core : c->m.image_size);

	if (!err && c->split)
		err = write_part(c, c->init_fd, c->init_path, core, c->m.hdr.init_size);
	if (err)
		return err;
	for (unsigned i = 0; i < c->n_owners; i++) {
		snprintf(cmd, sizeof(cmd), "use %s", c->owners[i]);
		err = command(c, cmd);
		step(c, err, "write %s \"%s\"", c->control, cmd);
		if (err)
			return kernel_refused(c, err);
	}
	err = write_args(c);
	if (err)
		return err;
	err = command(c, "init module");
	step(c, err, "write %s \"init module\"", c->control);
	return err ? init_failed(c, err) : 0;
}

/* --init=split: `unmap init` (on the kept control descriptor), then
 * unlink the init image, which frees its pages. */
static int drop_init_image(struct insmod *c)
{
	int err = command(c, "unmap init");

	step(c, err, "write %s \"unmap init\"", c->control);
	if (err)
		return kernel_refused(c, err);
	sys_close(c->init_fd);
	c->init_fd = -1;
	err = sys_unlink(c->init_path);
	step(c, err, "unlink %s (drop init)", c->init_path);
	if (err)
		cmd_error("insmod", c->init_path, err);
	return err;
}

/* -v: the layout and what dropping init freed, measured (PagesFree
 * before and after), beside what the sizes predict. */
static void show_layout(struct insmod *c, long freed)
{
	uint32_t core = c->m.hdr.core_size, init = c->m.hdr.init_size;
	uint32_t init_pages = c->split ? PAGES(init) : PAGES(core + init) - PAGES(core);

	out_printf(1, "insmod: layout: core %u bytes (%u page%s) + init %u bytes (%u page%s%s); ",
		   core, PAGES(core), PAGES(core) == 1 ? "" : "s", init, init_pages,
		   init_pages == 1 ? "" : "s", c->split ? " of its own" : "");
	if (c->strategy == INIT_KEEP)
		out_printf(1, "init kept (--init=keep)\n");
	else
		out_printf(1, "%s freed %ld page%s\n", c->split ? "dropping the init image" :
			   "truncation", freed, freed == 1 ? "" : "s");
}

/* Drops the init part as the strategy says: truncates the image to its
 * core (truncate), removes the init image (split), or nothing (keep). */
static int drop_init(struct insmod *c)
{
	uint32_t core = c->m.hdr.core_size, init = c->m.hdr.init_size;
	long before = c->verbose ? tool_meminfo("PagesFree") : 0, after = before;
	int err = 0;

	c->t0 = rdtsc();
	if (c->split)
		err = drop_init_image(c);
	else if (init && c->strategy == INIT_TRUNCATE) {
		err = sys_ftruncate(c->image_fd, core);
		step(c, err, "ftruncate %s %u (drop init)", c->image_path, core);
		if (err)
			return kernel_refused(c, err);
	}
	if (err)
		return err;
	if (c->verbose)
		after = tool_meminfo("PagesFree");
	if (c->verbose)
		show_layout(c, after - before);
	return 0;
}

/* -t: the floor any loader must pay, copying the image once. */
static void copy_floor(struct insmod *c)
{
	uint8_t *tmp = tool_alloc(c->m.image_size);
	uint64_t t;

	if (!tmp || !c->image)
		goto out;
	t = rdtsc();
	memcpy(tmp, c->image, c->m.image_size);
	t = rdtsc() - t;
	out_printf(1, "insmod: floor: copying the %u-byte image takes %llu cycles\n",
		   c->m.image_size, t);
out:
	tool_free(tmp);
}

/* Closes the image and control descriptors (before any rmdir). */
static void close_files(struct insmod *c)
{
	if (c->image_fd >= 0)
		sys_close(c->image_fd);
	if (c->control_fd >= 0)
		sys_close(c->control_fd);
	if (c->init_fd >= 0)
		sys_close(c->init_fd);
	c->image_fd = c->control_fd = c->init_fd = -1;
}

static void undo(struct insmod *c)
{
	int err;

	close_files(c);
	if (!c->dir_made)
		return;
	err = sys_rmdir(c->dir);
	step(c, err, "rmdir %s (undo)", c->dir);
	if (err)
		cmd_error("insmod", c->dir, err);
}

/* insmod -n: what insmod would do, as commands to type; changes nothing. */
static int dry_run(struct insmod *c)
{
	int err = look_up_imports(c);
	struct byhand_plan p = {
		.path = c->path, .m = &c->m, .owners = c->owners, .args = c->args,
		.n_args = c->n_args, .forced = c->forced, .near = c->near,
	};

	if (!err)
		err = check_imports(c);
	p.n_owners = c->n_owners;
	if (!err)
		byhand_print_commands(&p);
	return err;
}

static int insmod_run(struct insmod *c)
{
	int err = read_object(c);

	if (!err && c->dry_run)	/* a load leaves the check to the kernel */
		err = check_vermagic(c);
	if (!err && c->dry_run && c->strategy != INIT_TRUNCATE) {
		out_printf(2, "insmod: -n prints the by-hand sequence of --init=truncate "
			   "(docs/modfs.md, \"Loading by hand\"), not of --init=%s\n",
			   c->strategy == INIT_SPLIT ? "split" : "keep");
		err = -EINVAL;
		goto out;
	}
	if (!err && c->dry_run) {
		err = dry_run(c);
		goto out;
	}
	if (!err)
		err = make_directory(c);
	if (!err)
		err = size_and_map(c);
	if (!err)
		err = tell_forced(c);
	if (!err)
		err = map_init_part(c);
	if (!err)
		err = link_image(c);
	if (!err)
		err = write_symbols(c);
	if (!err)
		err = write_and_start(c);
	if (!err)
		err = drop_init(c);
	if (err)
		undo(c);
	else
		close_files(c);
	if (c->timing) {
		out_printf(1, "insmod: total %llu cycles\n", c->total);
		if (!err)
			copy_floor(c);
	}
out:
	if (c->small_buffers) {
		kfree(c->image);
		kfree(c->values);
	} else {
		tool_free(c->image);
		if (!c->values_inside)
			tool_free(c->values);
	}
	tool_free(c->file);
	ksym_table_free(&c->syms);
	return err;
}

/* An --init option naming no strategy: says which it was and which there
 * are, then the usage line; returns 2, as for any bad option. */
static int insmod_bad_init(const char *opt)
{
	out_printf(2, "insmod: %s: no such init strategy (expected --init=truncate, "
		   "--init=split or --init=keep)\n", opt);
	return cmd_usage("insmod");
}

static int insmod_main(int argc, char **argv)
{
	struct insmod c;
	int i;

	/* Only the small fields are zeroed (about 100 bytes, not the whole
	 * 2.4 KB): the buffers after them (paths, the parsed object, the
	 * symbol table's room, owners) are each written before anything
	 * reads them, and the symbol table's pointers are set by
	 * ksym_table_init, as the plain zeroing left them (NULL). */
	memset(&c, 0, offsetof(struct insmod, dir));
	c.image_fd = c.control_fd = c.init_fd = -1;
	ksym_table_init(&c.syms);

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			c.verbose = true;
		else if (!strcmp(argv[i], "-t"))
			c.verbose = c.timing = true;
		else if (!strcmp(argv[i], "-f"))
			c.force = true;
		else if (!strcmp(argv[i], "-n"))
			c.dry_run = true;
		else if (!strncmp(argv[i], "--near=", 7) && argv[i][7])
			c.near = argv[i] + 7;
		else if (!strcmp(argv[i], "--init=truncate"))
			c.strategy = INIT_TRUNCATE;
		else if (!strcmp(argv[i], "--init=split"))
			c.strategy = INIT_SPLIT;
		else if (!strcmp(argv[i], "--init=keep"))
			c.strategy = INIT_KEEP;
		else if (!strncmp(argv[i], "--init", 6))
			return insmod_bad_init(argv[i]);
		else
			return cmd_usage("insmod");
	}
	if (i >= argc)
		return cmd_usage("insmod");
	c.path = argv[i];
	c.args = argv + i + 1;
	c.n_args = argc - i - 1;
	c.t0 = rdtsc();
	return insmod_run(&c) ? 1 : 0;
}

SHELL_COMMAND(insmod, insmod_main, "insmod [-v] [-t] [-f] [-n] [--near=NAME] "
	      "[--init=truncate|split|keep] FILE.ko [name=value ...]",
	      "load a module through /mod, setting its parameters (-v: show each "
	      "step, -t: with cycles, -f: despite another vermagic, -n: print the "
	      "commands that load it by hand, --near: under modalloc=pack, next to "
	      "module NAME, --init=: what becomes of the init part)");
