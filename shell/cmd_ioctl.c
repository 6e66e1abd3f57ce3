/*
 * The ioctl command: sends one ioctl to a device, as a C program would
 * (sys_ioctl), and shows what came back. The command number is typed as
 * a number (hex or decimal, as <asm/ioctl.h> encodes it); the argument is
 *   NUMBER   passed as the value itself (an index, a flag)
 *   s:TEXT   the address of a buffer holding TEXT and a NUL
 *   i:NUMBER the address of a buffer holding NUMBER as a 32-bit int
 *   (none)   the address of a zeroed buffer, when the command reads (_IOR)
 * Every buffer has IOCTL_BUF bytes, so a driver writing more than the size
 * in the number stays inside it. The return value is printed; when a
 * buffer was passed and the command reads (or -r N asks), its first bytes
 * (the size in the number, or N) follow in hexdump -C form.
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "shell/hexfmt.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>
#include <asm/ioctl.h>

#define IOCTL_BUF	4096

struct ioctl_req {
	const char *path;
	unsigned long cmd;
	unsigned long arg;	/* value, or the buffer's address */
	bool buffer;		/* arg is the buffer */
	unsigned long show;	/* bytes of the buffer to show after */
};

static uint8_t ioctl_buf[IOCTL_BUF];

static void emit_stdout(void *arg, const char *text, int len)
{
	out_write(1, text, len);
}

/* Reads ARG (argv word, or NULL) into r. Returns 0 or -EINVAL. */
static int ioctl_arg(const char *word, struct ioctl_req *r)
{
	unsigned long v;

	memset(ioctl_buf, 0, sizeof(ioctl_buf));
	r->buffer = true;
	r->arg = (unsigned long)ioctl_buf;
	if (!word) {
		r->buffer = _IOC_DIR(r->cmd) & _IOC_READ;
		r->arg = r->buffer ? r->arg : 0;
		return 0;
	}
	if (!strncmp(word, "s:", 2)) {
		if (strlen(word + 2) >= IOCTL_BUF)
			return -EINVAL;
		strlcpy((char *)ioctl_buf, word + 2, IOCTL_BUF);
		return 0;
	}
	if (!strncmp(word, "i:", 2)) {
		if (cmd_parse_uint(word + 2, &v))
			return -EINVAL;
		memcpy(ioctl_buf, &(uint32_t){ (uint32_t)v }, 4);
		return 0;
	}
	r->buffer = false;
	return cmd_parse_uint(word, &r->arg);
}

/* Parses [-r N] DEV CMD [ARG]; returns 0 or the usage status. */
static int ioctl_parse(int argc, char **argv, struct ioctl_req *r)
{
	int i = 1;
	bool show_set = false;

	if (argc > 2 && !strcmp(argv[1], "-r")) {
		if (cmd_parse_uint(argv[2], &r->show) || r->show > IOCTL_BUF)
			return cmd_usage(argv[0]);
		show_set = true;
		i = 3;
	}
	if (argc - i < 2 || argc - i > 3 || cmd_parse_uint(argv[i + 1], &r->cmd))
		return cmd_usage(argv[0]);
	r->path = argv[i];
	if (ioctl_arg(argc - i == 3 ? argv[i + 2] : NULL, r))
		return cmd_usage(argv[0]);
	if (!show_set)
		r->show = r->buffer && (_IOC_DIR(r->cmd) & _IOC_READ) ?
			  _IOC_SIZE(r->cmd) : 0;
	if (!r->buffer)
		r->show = 0;
	return 0;
}

static int ioctl_main(int argc, char **argv)
{
	struct ioctl_req r;
	struct hexfmt h;
	int fd, status;
	long ret;

	status = ioctl_parse(argc, argv, &r);
	if (status)
		return status;
	fd = sys_open(r.path, O_RDWR);
	if (fd == -EBADF || fd == -EISDIR || fd == -EINVAL)
		fd = sys_open(r.path, O_RDONLY);
	if (fd < 0) {
		cmd_error("ioctl", r.path, fd);
		return 1;
	}
	ret = sys_ioctl(fd, (unsigned int)r.cmd, r.arg);
	sys_close(fd);
	if (ret < 0) {
		cmd_error("ioctl", r.path, (int)ret);
		return 1;
	}
	out_printf(1, "ioctl returned %ld\n", ret);
	if (r.show) {
		hexfmt_init(&h, 0, emit_stdout, NULL);
		hexfmt_feed(&h, ioctl_buf, r.show);
		hexfmt_end(&h);
	}
	return 0;
}
SHELL_COMMAND(ioctl, ioctl_main, "ioctl [-r N] DEV CMD [NUMBER|s:TEXT|i:NUMBER]",
	      "send an ioctl to a device and show the result");
