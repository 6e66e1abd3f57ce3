/*
 * rmmod [-v] [-f] [-w] NAME|FILE.ko...: unloads modules on the file API
 * only, the reverse of insmod from whatever state the module is in: `exit
 * module` if live (refused while anyone holds it, naming them), `unmap
 * module` if mapped, unlink the image, rmdir. A module whose code faulted is refused;
 * -f takes it out with `forget module` first (docs/debugging.md). -w
 * waits while the module is in use, trying again at each tick. A NAME may
 * be given as the module's file, hello.ko or /lib/modules/hello.ko, as
 * Linux's rmmod allows. -t prints the guest TSC cycles each NAME took
 * (make bench-debate).
 */
#include "loader/elf.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

static int rm_step(bool verbose, int err, const char *what, const char *path)
{
	if (verbose)
		out_printf(1, "rmmod: %s %s = %d\n", what, path, err);
	return err;
}

/* Says why the kernel refused, from the module's error file: "in use by:
 * foo" becomes "rmmod: hello is in use by: foo"; other reasons are given
 * as they are. */
static int explain(const char *name, int err)
{
	char reason[MODULE_REASON_MAX];
	int recorded;

	if (tool_module_error(name, &recorded, reason, sizeof(reason)) ||
	    recorded != err || !reason[0])
		strlcpy(reason, strerror(err), sizeof(reason));
	if (!strncmp(reason, "in use", 6))
		out_printf(2, "rmmod: %s is %s\n", name, reason);
	else
		out_printf(2, "rmmod: %s: %s\n", name, reason);
	return err;
}

/* A module whose code faulted stays loaded (docs/debugging.md): without
 * -f say so; with -f, say what forcing it out means, then `forget module`
 * (the kernel runs exit only if the fault was in neither init nor exit).
 * Returns 0 when the module is then mapped, ready for unmap. */
static int forget_faulted(const char *name, const char *faulted, const char *state,
			  const char *control, bool v, bool force)
{
	int err;

	if (!force) {
		out_printf(2, "rmmod: %s faulted (%s); it stays loaded, since its own code "
			   "cannot be trusted to clean up. rmmod -f %s removes it anyway\n",
			   name, faulted, name);
		return -EBUSY;
	}
	err = rm_step(v, tool_write_line(control, "forget module"),
		      "write \"forget module\" to", control);
	if (err)
		return explain(name, err);
	out_printf(2, "rmmod: forced out %s, which faulted: its exit %s; devices and "
		   "timers it left were removed; memory it allocated stays allocated\n",
		   name, !strcmp(state, "live") ? "ran" : !strcmp(state, "going") ?
		   "had run already" : "was not run");
	return 0;
}

#define WAIT_TRY_MS	0	/* rmmod -w: try again at the next tick (a sleep */
#define WAIT_TRIES	1000	/* lasts one tick more than asked); 10 s in all */

/* Did the kernel refuse name's last command because it is in use? */
static bool in_use(const char *name)
{
	char reason[MODULE_REASON_MAX];
	int recorded;

	return !tool_module_error(name, &recorded, reason, sizeof(reason)) &&
	       recorded == -EBUSY && !strncmp(reason, "in use", 6);
}

/* `exit module`; with wait, tried again while the module is in use (a
 * reference held for a moment, as by a call in flight), as kmod's
 * `modprobe -r --wait` does. Any other refusal is final. */
static int exit_module(const char *name, const char *control, bool v, bool wait)
{
	int err;

	for (int tries = 1;; tries++) {
		err = rm_step(v, tool_write_line(control, "exit module"),
			      "write \"exit module\" to", control);
		if (err != -EBUSY || !wait || tries == WAIT_TRIES || !in_use(name) ||
		    sys_sleep_ms(WAIT_TRY_MS))
			return err;
	}
}

/* Is the current directory dir or below it? */
static bool cwd_inside(const char *dir)
{
	char cwd[PATH_MAX];
	size_t n = strlen(dir);

	return sys_getcwd(cwd, sizeof(cwd)) == 0 && !strncmp(cwd, dir, n) &&
	       (cwd[n] == '\0' || cwd[n] == '/');
}

/* name with each '-' made '_' (in buf), as kbuild names a module built
 * from hello-1.c: Linux's rmmod accepts either spelling. */
static const char *underscored(const char *name, char *buf, size_t size)
{
	strlcpy(buf, name, size);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	return buf;
}

/* The module name in an argument given as a file, as Linux's rmmod takes
 * it: "hello.ko" and "/lib/modules/hello.ko" name hello (the directory and
 * the .ko go; '-' becomes '_' in rmmod_one). Anything else is the name as
 * it is ("../tmp" is refused as a name). Returns buf or arg. */
static const char *name_of_arg(const char *arg, char *buf, size_t size)
{
	const char *base = strrchr(arg, '/') ? strrchr(arg, '/') + 1 : arg;
	size_t len = strlen(base);

	if (len > 3 && !strcmp(base + len - 3, ".ko") && len - 3 < size) {
		strlcpy(buf, base, len - 2);
		return buf;
	}
	return arg;
}

/* Takes the module down from whatever state it is in: exit if live, unmap
 * if mapped, then unlink the image and remove the directory. */
static int rmmod_one(const char *name, bool v, bool force, bool wait)
{
	char dir[80], control[96], image[96], state[32], faulted[160];
	int err = 0;

	if (!module_name_valid(name)) {
		out_printf(2, "rmmod: %s: not a module name\n", name);
		return -EINVAL;
	}
	snprintf(dir, sizeof(dir), "/mod/%s", name);
	snprintf(control, sizeof(control), "%s/control", dir);
	snprintf(image, sizeof(image), "%s/module", dir);
	err = tool_status_field(name, "state", state, sizeof(state));
	if (err == -ENOENT && strchr(name, '-'))	/* hello-1.ko loads as hello_1 */
		return rmmod_one(underscored(name, dir, sizeof(dir)), v, force, wait);
	if (err == -ENOENT) {
		out_printf(2, "rmmod: %s is not currently loaded\n", name);
		return err;
	}
	if (err) {
		out_printf(2, "rmmod: %s: cannot read its state from %s/status: %s\n",
			   name, dir, strerror(err));
		return err;
	}
	if (cwd_inside(dir)) {	/* the last step, rmdir, would fail: do nothing */
		out_printf(2, "rmmod: %s: the current directory is inside it\n", dir);
		return -EBUSY;
	}
	if (tool_status_field(name, "faulted", faulted, sizeof(faulted)) == 0 && faulted[0]) {
		err = forget_faulted(name, faulted, state, control, v, force);
		if (err)
			return err;
		strlcpy(state, "mapped", sizeof(state));
	}
	if (strcmp(state, "live") && strcmp(state, "mapped") && strcmp(state, "unmapped")) {
		out_printf(2, "rmmod: %s is %s; try again when it is live\n", name, state);
		return -EBUSY;
	}
	if (!strcmp(state, "live"))
		err = exit_module(name, control, v, wait);
	if (!err && strcmp(state, "unmapped"))
		err = rm_step(v, tool_write_line(control, "unmap module"),
			      "write \"unmap module\" to", control);
	if (err)
		return explain(name, err);
	err = rm_step(v, sys_unlink(image), "unlink", image);
	if (err == -ENOENT)	/* unlinked earlier by hand */
		err = 0;
	if (!err)
		err = rm_step(v, sys_rmdir(dir), "rmdir", dir);
	if (err)
		cmd_error("rmmod", dir, err);
	return err;
}

static uint64_t rm_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static int rmmod_main(int argc, char **argv)
{
	bool verbose = false, force = false, wait = false, timing = false;
	uint64_t t;
	int first = 1, status = 0;

	for (; first < argc && argv[first][0] == '-'; first++) {
		if (!strcmp(argv[first], "-v"))
			verbose = true;
		else if (!strcmp(argv[first], "-f"))
			force = true;
		else if (!strcmp(argv[first], "-w"))
			wait = true;
		else if (!strcmp(argv[first], "-t"))
			timing = true;
		else
			return cmd_usage("rmmod");
	}
	if (first >= argc)
		return cmd_usage("rmmod");
	for (int i = first; i < argc; i++) {
		char buf[MODULE_NAME_LEN];
		const char *name = name_of_arg(argv[i], buf, sizeof(buf));

		t = rm_rdtsc();
		if (rmmod_one(name, verbose, force, wait))
			status = 1;
		if (timing)
			out_printf(1, "rmmod: %s: %llu cycles\n", name, rm_rdtsc() - t);
	}
	return status;
}

SHELL_COMMAND(rmmod, rmmod_main, "rmmod [-v] [-f] [-w] [-t] NAME|FILE.ko...",
	      "unload modules: exit, unmap, unlink, rmdir (-v: show each step, "
	      "-f: also a module that faulted, -w: wait while it is in use, -t: "
	      "cycles each took)");
