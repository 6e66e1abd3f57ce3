/*
 * Host tests of the whole shell (every shell/ file) and its commands, run against
 * the host filesystem through a stand-in for the file API
 * (shell_hostsys*.c): each test builds a fresh root directory, runs
 * shell_main in a child process with a script and/or typed input, and
 * compares everything it printed (stdout and stderr together) exactly.
 */
// sources: shell/*.c loader/tools.c tests/host/shell_hostsys.c tests/host/shell_hostsys_posix.c lib/strlcpy.c
#define _GNU_SOURCE
#include "tests/host/ktest.h"
#include "tests/host/shell_hostsys.h"
#include "shell/shell.h"
#include "shell/commands.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char out[65536];

static void put_file(const char *path, const char *text)
{
	char full[8192];
	FILE *f;

	snprintf(full, sizeof(full), "%s%s", hs_root, path);
	f = fopen(full, "w");
	fputs(text, f);
	fclose(f);
}

/* Like put_file, for data holding NUL bytes. */
static void put_bytes(const char *path, const char *data, size_t len)
{
	char full[8192];
	FILE *f;

	snprintf(full, sizeof(full), "%s%s", hs_root, path);
	f = fopen(full, "w");
	if (fwrite(data, 1, len, f) != len)
		abort();
	fclose(f);
}

static void make_root(void)
{
	char dir[8192];

	snprintf(hs_root, sizeof(hs_root), "/tmp/tessera-shell-XXXXXX");
	if (!mkdtemp(hs_root))
		abort();
	for (const char *d = "/tmp\0/etc\0/dev\0/proc\0"; *d; d += strlen(d) + 1) {
		snprintf(dir, sizeof(dir), "%s%s", hs_root, d);
		mkdir(dir, 0755);
	}
}

static void remove_root(void)
{
	char cmd[8192];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", hs_root);
	if (system(cmd) != 0)
		abort();
}

/* The child: fd 0 from the input file, 1 and 2 to the pipe. */
static void child(int pipe_w, const char *script)
{
	char path[8192], msg[64];
	int fd, status, n;

	snprintf(path, sizeof(path), "%s/.input", hs_root);
	fd = open(path, O_RDONLY);
	dup2(fd, 0);
	dup2(pipe_w, 1);
	dup2(pipe_w, 2);
	close(fd);
	close(pipe_w);
	if (chdir(hs_root) < 0)
		_exit(98);
	status = shell_main(script);
	n = snprintf(msg, sizeof(msg), "[end %d]\n", status);
	if (write(1, msg, n) < 0)
		_exit(99);
	_exit(0);
}

/*
 * Runs the shell in the current root: with script text (as /t.sh, passed
 * like script=/t.sh) if not NULL, then typed input. Returns its output.
 */
static const char *shell(const char *script, const char *input)
{
	int p[2], len = 0, n;

	if (script)
		put_file("/t.sh", script);
	put_file("/.input", input ? input : "");
	fflush(stdout);
	if (pipe(p) < 0)
		abort();
	if (fork() == 0) {
		close(p[0]);
		child(p[1], script ? "/t.sh" : NULL);
	}
	close(p[1]);
	while ((n = read(p[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(p[0]);
	wait(NULL);
	return out;
}

/* Runs script text in a fresh root; returns the output. */
static const char *run(const char *script)
{
	make_root();
	shell(script, NULL);
	remove_root();
	return out;
}

#define EXPECT_OUT(got, want)						\
	do {								\
		const char *g_ = (got), *w_ = (want);			\
		KT_EXPECT(!strcmp(g_, w_));				\
		if (strcmp(g_, w_))					\
			printf("    # got:\n%s    # want:\n%s", g_, w_); \
	} while (0)

#define END "/ # [end 0]\n"

KTEST(echo_quotes_and_status)
{
	EXPECT_OUT(run("echo hello   world\n"
		       "echo -n a; echo b\n"
		       "echo 'x  $?' \"y $? \\\"q\\\"\" z\\ w a#b # c\n"
		       "false; echo st $?\n"
		       "nosuch arg; echo $?\n"
		       "true\n"),
		   "hello world\n"
		   "ab\n"
		   "x  $? y 0 \"q\" z w a#b\n"
		   "st 1\n"
		   "nosuch: command not found\n127\n"
		   END);
}

KTEST(syntax_errors_set_status_2)
{
	EXPECT_OUT(run("echo 'open ; echo never\n"
		       "echo $?\n"
		       "echo a > ; echo b\n"
		       "echo $?\n"),
		   "sh: syntax error: unterminated quote\n2\n"
		   "sh: syntax error: no file name after >\n2\n"
		   END);
}

KTEST(redirect_truncates_appends_and_restores)
{
	EXPECT_OUT(run("echo one > /tmp/f\n"
		       "echo two >> /tmp/f; echo three>>/tmp/f\n"
		       "cat /tmp/f\n"
		       "echo new > /tmp/f\n"
		       "cat /tmp/f\n"
		       "> /tmp/g\n"
		       "cat /tmp/g\n"
		       "echo x > /nope/f\n"
		       "echo $?\n"
		       "cat /nope > /tmp/h\n"
		       "echo still here\n"),
		   "one\ntwo\nthree\n"
		   "new\n"
		   "sh: /nope/f: No such file or directory\n1\n"
		   "cat: /nope: No such file or directory\n"
		   "still here\n" "/ # [end 0]\n");
}

KTEST(mkdir_ls_cp_mv_rm_rmdir)
{
	EXPECT_OUT(run("cd /tmp\n"
		       "mkdir d d/s\n"
		       "echo hello > d/f\n"
		       "ls d\n"
		       "ls -l d\n"
		       "cp d/f d/g; cat d/g\n"
		       "mv d/g d/h; ls d\n"
		       "cp d/f d/h d/s; ls d/s\n"
		       "ls d/f d/s\n"
		       "rm d/f d/h d/s/f d/s/h\n"
		       "rmdir d/s d\n"
		       "ls\n"),
		   "f\ns\n"
		   "-rw-r--r--        6 f\ndrwxr-xr-x        0 s\n"
		   "hello\n"
		   "f\nh\ns\n"
		   "f\nh\n"
		   "d/f\n\nd/s:\nf\nh\n"
		   "/tmp # [end 0]\n");
}

KTEST(file_errors_name_command_path_and_reason)
{
	EXPECT_OUT(run("echo x > /etc/x\n"
		       "cat /etc/x /nope\n"
		       "echo $?\n"
		       "mkdir /tmp /tmp/a /nope/b\n"
		       "echo $?\n"
		       "echo x > /tmp/a/f\n"
		       "rmdir /tmp/a\n"
		       "rm /nope\n"
		       "ls /nope\n"
		       "ls -z\n"
		       "echo $?\n"
		       "cp /nope /tmp/x\n"
		       "cp /tmp /tmp/x\n"
		       "cp /tmp/a/f /tmp/a/f\n"
		       "cp /tmp/a/f /tmp/a/f /etc/x\n"
		       "mv /nope /tmp/y\n"
		       "stat /nope\n"
		       "cd /nope\n"
		       "cd /etc/x\n"
		       "cat\n"),
		   "x\n"
		   "cat: /nope: No such file or directory\n1\n"
		   "mkdir: /tmp: File exists\n"
		   "mkdir: /nope/b: No such file or directory\n1\n"
		   "rmdir: /tmp/a: Directory not empty\n"
		   "rm: /nope: No such file or directory\n"
		   "ls: /nope: No such file or directory\n"
		   "usage: ls [-l] [PATH...]\n2\n"
		   "cp: /nope: No such file or directory\n"
		   "cp: /tmp: Is a directory\n"
		   "cp: /tmp/a/f and /tmp/a/f are the same file\n"
		   "cp: /etc/x: Not a directory\n"
		   "mv: /nope: No such file or directory\n"
		   "stat: /nope: No such file or directory\n"
		   "cd: /nope: No such file or directory\n"
		   "cd: /etc/x: Not a directory\n"
		   "usage: cat FILE...\n"
		   "/ # [end 2]\n");
}

KTEST(stat_prints_type_size_pages_links)
{
	const char *o;

	make_root();
	put_file("/tmp/f", "12345");
	o = shell("stat /tmp/f\n", NULL);
	KT_EXPECT(!strncmp(o, "  File: /tmp/f\n  Type: regular file\n"
			   "  Mode: 0644\n  Size: 5 bytes\n Pages: 1\n Inode: ",
			   strlen("  File: /tmp/f\n  Type: regular file\n"
				  "  Mode: 0644\n  Size: 5 bytes\n Pages: 1\n Inode: ")));
	KT_EXPECT(strstr(o, "\n Links: 1\n/ # [end 0]\n") != NULL);
	o = shell("stat /tmp\n", NULL);
	KT_EXPECT(strstr(o, "  Type: directory\n") != NULL);
	remove_root();
}

KTEST(hexdump_command)
{
	EXPECT_OUT(run("echo hello > /tmp/h\n"
		       "hexdump /tmp/h\n"
		       "hexdump -C -s 2 -n 3 /tmp/h\n"
		       "hexdump /tmp/h /tmp/h\n"
		       "hexdump -s\n"
		       "hexdump /nope\n"),
		   "00000000  68 65 6c 6c 6f 0a                                 |hello.|\n"
		   "00000006\n"
		   "00000002  6c 6c 6f                                          |llo|\n"
		   "00000005\n"
		   "00000000  68 65 6c 6c 6f 0a 68 65  6c 6c 6f 0a              |hello.hello.|\n"
		   "0000000c\n"
		   "usage: hexdump [-C] [-s SKIP] [-n LENGTH] FILE...\n"
		   "hexdump: /nope: No such file or directory\n"
		   "/ # [end 1]\n");
}

/* coreutils' truncate: sizes, units, the relative forms, its messages. */
KTEST(truncate_sets_sizes)
{
	EXPECT_OUT(run("echo hello > /tmp/a\n"
		       "truncate -s 2 /tmp/a; cat /tmp/a; echo\n"
		       "truncate -s 1K /tmp/b; ls -l /tmp\n"
		       "truncate -s +24 /tmp/b; truncate -s -2000 /tmp/a; ls -l /tmp\n"
		       "truncate -s %1000 /tmp/b; truncate -s 2KB /tmp/a; ls -l /tmp\n"
		       "truncate -s '<100' /tmp/a; truncate -s '>3000' /tmp/b; ls -l /tmp\n"
		       "truncate -s /7 /tmp/a; truncate -c -s 5 /tmp/none; ls -l /tmp\n"
		       "truncate -s 1x /tmp/a\n"
		       "truncate -s 3G /tmp/a\n"
		       "truncate -s /0 /tmp/a\n"
		       "truncate /tmp/a\n"
		       "truncate -s 1\n"
		       "truncate -s 1 /nope/a\n"),
		   "he\n"
		   "-rw-r--r--        2 a\n-rw-r--r--     1024 b\n"
		   "-rw-r--r--        0 a\n-rw-r--r--     1048 b\n"
		   "-rw-r--r--     2000 a\n-rw-r--r--     2000 b\n"
		   "-rw-r--r--      100 a\n-rw-r--r--     3000 b\n"
		   "-rw-r--r--       98 a\n-rw-r--r--     3000 b\n"
		   "truncate: Invalid number: '1x'\n"
		   "truncate: Invalid number: '3G': Value too large for defined data type\n"
		   "truncate: division by zero\n"
		   "truncate: you must specify either '--size' or '--reference'\n"
		   "truncate: missing file operand\n"
		   "truncate: cannot open '/nope/a' for writing: No such file or directory\n"
		   "/ # [end 1]\n");
}

/* A refused resize of /mod/NAME/module is followed by the kernel's reason
 * from /mod/NAME/error when it recorded that errno (here the refusal is the
 * host's: the image file is a link to /dev/null, whose ftruncate is
 * EINVAL); a path given relative to /mod/NAME works too; another errno
 * recorded, or another file, adds nothing. */
KTEST(truncate_prints_the_kernels_reason)
{
	char cmd[8300];

	make_root();
	snprintf(cmd, sizeof(cmd), "cd '%s' && mkdir -p mod/m mod/n && ln -s /dev/null "
		 "mod/m/module && ln -s /dev/null mod/n/module && ln -s /dev/null tmp/x",
		 hs_root);
	KT_EXPECT(system(cmd) == 0);
	put_file("/mod/m/error", "errno:  -22\nreason: truncate: why the kernel refused\n");
	put_file("/mod/n/error", "errno:  -16\nreason: an older refusal\n");
	EXPECT_OUT(shell("truncate -s 5 /mod/m/module\n"
			 "cd /mod/m; truncate -s 5 module; cd /\n"
			 "truncate -s 5 /mod/n/module\n"
			 "truncate -s 5 /tmp/x\n", NULL),
		   "truncate: failed to truncate '/mod/m/module' at 5 bytes: Invalid argument\n"
		   "truncate: /mod/m/error: truncate: why the kernel refused\n"
		   "truncate: failed to truncate 'module' at 5 bytes: Invalid argument\n"
		   "truncate: /mod/m/error: truncate: why the kernel refused\n"
		   "truncate: failed to truncate '/mod/n/module' at 5 bytes: Invalid argument\n"
		   "truncate: failed to truncate '/tmp/x' at 5 bytes: Invalid argument\n"
		   "/ # [end 1]\n");
	remove_root();
}

/* GNU cmp's messages; cp overwrites in place and cuts to the source's
 * length. */
KTEST(cmp_and_cp_in_place)
{
	EXPECT_OUT(run("echo hello > /tmp/a; echo hello > /tmp/b; echo help > /tmp/c\n"
		       "cmp /tmp/a /tmp/b; echo $?\n"
		       "cmp /tmp/a /tmp/c; echo $?\n"
		       "cmp -l /tmp/a /tmp/c; echo $?\n"
		       "echo hello world > /tmp/d; cmp /tmp/a /tmp/d; echo $?\n"
		       "truncate -s 0 /tmp/e; cmp /tmp/e /tmp/a; echo $?\n"
		       "cmp /tmp/a /nope; echo $?\n"
		       "cp /tmp/a /tmp/d; cat /tmp/d; ls -l /tmp\n"
		       "cmp /tmp/a\n"),
		   "0\n"
		   "/tmp/a /tmp/c differ: byte 4, line 1\n1\n"
		   "4 154 160\n5 157  12\ncmp: EOF on /tmp/c after byte 5, line 1\n1\n"
		   "/tmp/a /tmp/d differ: byte 6, line 1\n1\n"
		   "cmp: EOF on /tmp/e which is empty\n1\n"
		   "cmp: /nope: No such file or directory\n2\n"
		   "hello\n"
		   "-rw-r--r--        6 a\n-rw-r--r--        6 b\n-rw-r--r--        5 c\n"
		   "-rw-r--r--        6 d\n-rw-r--r--        0 e\n"
		   "usage: cmp [-l] FILE1 FILE2\n"
		   "/ # [end 2]\n");
}

KTEST(scripts_exit_and_nesting)
{
	make_root();
	put_file("/tmp/s.sh", "echo in s; false\necho st $?\n\nexit 7\necho never\n");
	put_file("/tmp/r.sh", "sh /tmp/r.sh\n");
	put_file("/etc/rc", "echo rc runs first\nexit 0\necho not in rc\n");
	EXPECT_OUT(shell("sh /tmp/s.sh; echo got $?\n"
			 "sh /tmp/r.sh\n"
			 "echo $?\n"
			 "sh /nope\n"
			 "sh\n"
			 "exit 300\n"
			 "echo after exit $?\n"
			 "exit 4\n"
			 "echo not reached\n", NULL),
		   "rc runs first\n"
		   "in s\nst 1\ngot 7\n"
		   "sh: /tmp/r.sh: scripts nested too deeply\n1\n"
		   "sh: /nope: No such file or directory\n"
		   "usage: sh FILE\n"
		   "exit: 300: not a status (0-255)\n"
		   "after exit 2\n"
		   "/ # [end 4]\n");
	remove_root();
}

/* Found by fuzzing: a script line starting with a NUL byte was silently
 * skipped (the line ended at the NUL). Now, as in bash and dash, NUL bytes
 * are dropped and the rest of the line runs; and, as in bash, a NUL in the
 * first line marks a binary file, which is refused with status 126. */
KTEST(script_line_starting_with_nul_runs_without_it)
{
	static const char later[] = "echo one\n\0echo two\necho th\0ree\n";
	static const char first[] = "\0echo first\necho second\n";

	make_root();
	put_bytes("/tmp/later.sh", later, sizeof(later) - 1);
	put_bytes("/tmp/first.sh", first, sizeof(first) - 1);
	EXPECT_OUT(shell("sh /tmp/later.sh; echo st $?\n"
			 "sh /tmp/first.sh; echo st $?\n", NULL),
		   "one\ntwo\nthree\nst 0\n"
		   "sh: /tmp/first.sh: cannot execute binary file\nst 126\n"
		   "/ # [end 0]\n");
	remove_root();
}

KTEST(typed_input_echoes_and_prompts_cwd)
{
	make_root();
	EXPECT_OUT(shell(NULL, "echo hi\r\ncd /tmp\rpwd\nech\x7fho ok\n"),
		   "/ # echo hi\nhi\n"
		   "/ # cd /tmp\n"
		   "/tmp # pwd\n/tmp\n"
		   "/tmp # ech\b \bho ok\nok\n"
		   "/tmp # [end 0]\n");
	remove_root();
}

KTEST(exit_at_the_prompt_powers_off)
{
	make_root();
	EXPECT_OUT(shell(NULL, "false\nexit\n"),
		   "/ # false\n/ # exit\n[poweroff 1]\n");
	EXPECT_OUT(shell(NULL, "poweroff 3\n"),
		   "/ # poweroff 3\n[poweroff 3]\n");
	EXPECT_OUT(shell("poweroff\necho never\n", NULL), "[poweroff 0]\n");
	remove_root();
}

KTEST(open_and_close_descriptors)
{
	EXPECT_OUT(run("open /etc\nopen /etc\nclose 3\nopen /etc\n"
		       "close 4; close 3\nclose 3\nclose 99\nclose x\n"
		       "open /nope\n"),
		   "3\n4\n3\n"
		   "close: 3: Bad file descriptor\n"
		   "close: 99: Bad file descriptor\n"
		   "close: x: Bad file descriptor\n"
		   "open: /nope: No such file or directory\n"
		   "/ # [end 1]\n");
}

KTEST(free_uptime_dmesg_read_kernel_files)
{
	make_root();
	put_file("/proc/meminfo", "MemTotal:      131072 kB\nMemFree:       120000 kB\n"
		 "PagesTotal:     32768\nPagesFree:      30000\nKmallocPages: 3\n");
	put_file("/proc/uptime", "12.34 0.00\n");
	put_file("/dev/kmsg", "[    0.000000] Tessera\n");
	EXPECT_OUT(shell("free\nuptime\ndmesg\n", NULL),
		   "             total       used       free\n"
		   "Mem:        131072      11072     120000\n"
		   "Pages:       32768       2768      30000\n"
		   "up 12.34 seconds\n"
		   "[    0.000000] Tessera\n" END);
	put_file("/proc/meminfo", "Nothing: 1\n");
	EXPECT_OUT(shell("free\nuptime x\n", NULL),
		   "free: /proc/meminfo: no MemTotal or MemFree line\n"
		   "usage: uptime\n/ # [end 2]\n");
	remove_root();
}

KTEST(sleep_parses_fractions)
{
	EXPECT_OUT(run("sleep 0.05; echo $?\nsleep .01\nsleep 1x\nsleep\n"),
		   "0\nsleep: invalid time interval '1x'\n"
		   "usage: sleep SECONDS\n/ # [end 2]\n");
}

KTEST(help_lists_sorted_commands)
{
	const char *o = run("help\nhelp nope\n");

	KT_EXPECT(!strncmp(o, "Commands:\n  cat        print files\n"
			   "  cd         change the directory (default /)\n", 76));
	KT_EXPECT(strstr(o, "  true       do nothing, successfully\n"
			 "  truncate   set each file's size (-c: do not create missing files)\n"
			 "  uptime     seconds since boot (from /proc/uptime)\n"
			 "'help NAME' shows how to use one.\n"
			 "help: nope: no such command\n"
			 "/ # [end 1]\n") != NULL);
}

/* help NAME prints /usr/share/doc/commands/NAME.md; without the page, the
 * usage and help lines and why, status 1. */
KTEST(help_shows_the_manual_page)
{
	char cmd[8300];

	make_root();
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/usr/share/doc/commands'", hs_root);
	KT_EXPECT(system(cmd) == 0);
	put_file("/usr/share/doc/commands/ls.md", "# ls(1)\n\n## NAME\nls - list\n");
	EXPECT_OUT(shell("help ls; echo $?\nhelp cat; echo $?\nhelp a b\n", NULL),
		   "# ls(1)\n\n## NAME\nls - list\n0\n"
		   "usage: cat FILE...\nprint files\n"
		   "help: /usr/share/doc/commands/cat.md: No such file or directory\n1\n"
		   "usage: help [COMMAND]\n/ # [end 2]\n");
	remove_root();
}

/* Tab at the prompt: command names from the table, paths from the file
 * API (here the host directory standing in for the root). */
KTEST(tab_completes_commands_and_paths_at_the_prompt)
{
	make_root();
	put_file("/etc/motd", "hi\n");
	put_file("/etc/rc.local", "");
	EXPECT_OUT(shell(NULL, "ech\t/et\t\nca\t/etc/m\t\ncat /etc/r\t\n"
			 "cat /etc/x\t\nls /e\t\t\n"),
		   "/ # echo /etc/\n/etc/\n"
		   "/ # cat /etc/motd \nhi\n"
		   "/ # cat /etc/rc.local \n"
		   "/ # cat /etc/x\a\n"
		   "cat: /etc/x: No such file or directory\n"
		   "/ # ls /etc/\n"		/* Tab, Tab: a listing */
		   "motd      rc.local\n"
		   "/ # ls /etc/\x1b[K\n"
		   "motd\nrc.local\n"
		   "/ # [end 0]\n");
	remove_root();
}

/* Found by fuzzing: an error line longer than 1023 bytes was cut before
 * its newline, so the next prompt was glued onto it. A 1015-byte name
 * gives a 1050-byte line, now printed whole. */
KTEST(long_error_line_keeps_its_newline)
{
	char name[1016], input[1100], want[2400];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(input, sizeof(input), "cat /%s\necho next\n", name);
	snprintf(want, sizeof(want), "/ # cat /%s\n"
		 "cat: /%s: File name too long\n"
		 "/ # echo next\nnext\n/ # [end 0]\n", name, name);
	make_root();
	EXPECT_OUT(shell(NULL, input), want);
	remove_root();
}

/* Reads what out_printf(fd, fmt, arg) writes into a pipe. */
static int printed(char *got, int size, const char *fmt, const char *arg)
{
	int p[2], n;

	if (pipe(p) < 0)
		abort();
	KT_EXPECT(out_printf(p[1], fmt, arg) == OUT_PRINTF_MAX);
	close(p[1]);
	n = read(p[0], got, size - 1);
	close(p[0]);
	got[n < 0 ? 0 : n] = '\0';
	return n;
}

/* Longer than OUT_PRINTF_MAX: cut, marked with "...", and a line that
 * ended in a newline still does. */
KTEST(out_printf_cut_output_keeps_its_newline)
{
	static char big[6000], got[8192];

	memset(big, 'b', sizeof(big) - 1);
	KT_EXPECT(printed(got, sizeof(got), "x: %s\n", big) == OUT_PRINTF_MAX);
	KT_EXPECT(!strncmp(got, "x: bbb", 6));
	KT_EXPECT(!strcmp(got + OUT_PRINTF_MAX - 5, "b...\n"));
	KT_EXPECT(printed(got, sizeof(got), "%s", big) == OUT_PRINTF_MAX);
	KT_EXPECT(!strcmp(got + OUT_PRINTF_MAX - 4, "b..."));
}

int main(void)
{
	umask(022);	/* ls -l shows the modes the host files get */
	return ktest_main();
}
