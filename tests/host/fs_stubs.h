/*
 * Host stand-ins for what fs/ takes from mm/ and kernel/ (fs_stubs.c):
 * pages and kmalloc from malloc, with counters to check for leaks and a
 * switch to make allocation fail.
 */
#ifndef TESTS_HOST_FS_STUBS_H
#define TESTS_HOST_FS_STUBS_H

/* The kernel's ssize_t and off_t are 32 bits, the host's 64: let glibc
 * have its names and give the kernel's headers others. Include this
 * before any fs/ header. */
#include <stdio.h>
#include <sys/types.h>
#define ssize_t kernel_ssize_t
#define off_t kernel_off_t
#define loff_t kernel_loff_t

/* Pages now allocated through page_alloc. */
extern int stub_pages_used;
/* kmalloc/kzalloc blocks not yet freed. */
extern int stub_kmallocs_live;
/* When >= 0: that many more page_alloc calls succeed, then all fail.
 * -1 (the default): never fail. Same for stub_kmalloc_fail_after. */
extern int stub_page_fail_after;
extern int stub_kmalloc_fail_after;

#endif
