/*
 * The VGA text hardware kernel/vga.c drives, for the host tests of the
 * screen (test_vga.c, test_console.c): 32 KiB of text memory at the
 * address phys_to_virt gives, and the CRTC's registers behind the index
 * port 0x3d4 and the data port 0x3d5. A test includes this before the
 * kernel file and routes its outb through vga_outb.
 */
#ifndef TESTS_HOST_VGA_MODEL_H
#define TESTS_HOST_VGA_MODEL_H

#include <stdbool.h>
#include <stdint.h>

static uint16_t text_mem[16384];
static uint8_t crtc_index, crtc[32];
#define phys_to_virt(pa) ((void *)text_mem)

/* A write to the CRTC's ports: true if port is one of them. */
static inline bool vga_outb(uint8_t v, uint16_t port)
{
	if (port == 0x3d4)
		crtc_index = v & 31;
	else if (port == 0x3d5)
		crtc[crtc_index] = v;
	else
		return false;
	return true;
}

#endif
