# modules/serial2.c: COM2 (0x2f8, IRQ 3) as /dev/ttyS1, interrupt-driven both ways; the host side is tools/qemu-run --serial2 ("@com2 TEXT" lines, and what it received at the end)
memdiff save
insmod /lib/modules/serial2.ko
ls -l /dev/ttyS1
cat /proc/ioports
# guest to host: the writer sleeps until the transmit-empty interrupts drained its ring (the text shows after the run)
echo hello > /dev/ttyS1
echo "a second line, longer than the 16-byte FIFO of the 16550" > /dev/ttyS1
# host to guest: the reader sleeps until the receive interrupt brings bytes, Ctrl-C ends it
cat /dev/ttyS1
@com2 hello from the host
^C
echo $?
# bytes that come while nobody reads wait in the receive ring; dd reads exactly 9
@com2 ring buffer
dd if=/dev/ttyS1 bs=1 count=9 > /tmp/rx
cat /tmp/rx
echo
rm /tmp/rx
# the rest, "er" and the newline, is still there
dd if=/dev/ttyS1 bs=1 count=3
# every interrupt was handled: ERR stays 0
cat /proc/interrupts
rmmod serial2
memdiff
