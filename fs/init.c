/*
 * fs_init: the filesystems the kernel starts with. ramfs on /, devfs on
 * /dev with the built-in devices, procfs on /proc with its files, an
 * empty /tmp, and the first program, "init", with its descriptors.
 */
#include "fs/internal.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include <tessera/errno.h>

static struct program init_program;

static int fs_setup(void)
{
	int err = vfs_mount(&ramfs_type, "/", NULL);

	if (!err)
		err = vfs_mkdir(NULL, "/dev");
	if (!err)
		err = vfs_mount(&devfs_type, "/dev", NULL);
	if (!err)
		err = devfs_register_builtin();
	if (!err)
		err = vfs_mkdir(NULL, "/proc");
	if (!err)
		err = vfs_mount(&procfs_type, "/proc", NULL);
	if (!err)
		err = proc_register_builtin();
	if (!err)
		err = vfs_mkdir(NULL, "/tmp");
	if (!err)
		err = program_setup(&init_program, "init");
	return err;
}

void fs_init(void)
{
	int err = fs_setup();

	if (err)
		panic("fs: cannot set up the root filesystems: %s", strerror(err));
	program_enter(&init_program);
	pr_info("VFS: ramfs on /, devfs on /dev, proc on /proc\n");
}
