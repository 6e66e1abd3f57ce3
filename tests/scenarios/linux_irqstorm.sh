# hx_irqstorm's handler never claims edu's level-triggered interrupt: after 99,900 unhandled of 100,000 the line is masked (Linux's rule), the kernel goes on; a new request_irq on the line unmasks it again
memdiff save
insmod /extra/hx_irqstorm.ko
cat /proc/interrupts
echo alive
rmmod hx_irqstorm
# a well-behaved driver on the same line afterwards gets its interrupts
insmod /extra/pci_edu.ko
rmmod pci_edu
memdiff
