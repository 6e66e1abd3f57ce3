# lspci on QEMU's pc machine as pciutils prints it: i440FX host bridge, PIIX3 ISA bridge with its IDE and ACPI functions, VGA, e1000
lspci
lspci -n
lspci -nn
lspci -v
