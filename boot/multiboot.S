/*
 * The Multiboot v1 header (GRUB and QEMU -kernel look for it in the first
 * 8 KiB of the image): magic, flags, checksum. Flags ask for page-aligned
 * boot modules (bit 0) and the memory map (bit 1). The kernel is an ELF
 * file, so no address fields are needed.
 */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003

	.section .multiboot, "a"
	.align 4
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.section .note.GNU-stack, "", @progbits
