/*
 * modfs, the module filesystem after Roman Zippel's 2002 proposal, mounted
 * at /mod (fs/modfs/). A module is a directory: `mkdir /mod/NAME` makes
 * `control`, `module` and `status`; the relocated image is the regular file
 * `module`, whose own pages the kernel maps; `control` takes the commands
 * map, unmap, init, exit (and use, to record a dependency); truncating
 * `module` to the core size drops the init part; `rmdir` unloads what is
 * allowed to go. The protocol and its errors: docs/modfs.md.
 */
#ifndef FS_MODFS_MODFS_H
#define FS_MODFS_MODFS_H

/* Mounts modfs on /mod and creates /proc/modules and /proc/ksyms. Call
 * after fs_init. Panics if that fails (a broken kernel). */
void modfs_init(void);

#endif
