# a "Kernel panic" line that a command merely prints, then a clean power-off, is a PASS: PANIC comes from QEMU's exit code 37 only
echo Kernel panic - not syncing: fake
echo ---[ end Kernel panic - not syncing: fake ]---
