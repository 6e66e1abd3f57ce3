# a PCI driver left registered: unregistered at unload without calling remove, its device's bus mastering turned off
memdiff save
insmod /extra/hx_pcileak.ko
lspci -v
rmmod hx_pcileak
lspci -v
memdiff
# regions, an ioremap and a DMA buffer left: the regions released, the mapping unmapped, the buffer reported and kept (2 pages)
memdiff save
insmod /extra/hx_ioleak.ko
cat /proc/ioports
cat /proc/iomem
rmmod hx_ioleak
cat /proc/ioports
cat /proc/iomem
memdiff
# the kernel is alive a second later, and a driver can claim edu again
sleep 1
insmod /extra/pci_edu.ko
rmmod pci_edu
