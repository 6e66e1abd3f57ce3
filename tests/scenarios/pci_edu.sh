# lspci -n: numbers only; the edu device is 00:04.0, IRQ 11, BAR 0 a 1 MiB memory BAR
lspci -n
cat /proc/bus/pci/devices
# the kernel's own ports, and the BARs found at boot as ranges nobody claimed yet
cat /proc/ioports
cat /proc/iomem
# pci_edu (tests/linux): probe claims and maps BAR 0, reads id and liveness, 10! with the interrupt, a DMA round trip; remove gives everything back
memdiff save
insmod /extra/pci_edu.ko
lspci -v
cat /proc/iomem
cat /proc/vmallocinfo
rmmod pci_edu
lspci -v
cat /proc/iomem
memdiff
