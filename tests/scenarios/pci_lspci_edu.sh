# lspci with -device edu: the same machine plus 00:04.0, an unclassified device (00ff) whose vendor 1234 has no name for 11e8, its 1 MiB BAR and IRQ
lspci
lspci -n
lspci -nn
lspci -v
