# Ctrl-C ("^C" lines: tests/scenarios/README.md) interrupts the foreground command: status 130, as a Unix shell
sleep 10
^C
echo $?
# a read blocked in a driver (lx_block, tests/linux): wait_event_interruptible returns -ERESTARTSYS
memdiff save
insmod /extra/lx_block.ko
cat /dev/lx_block
^C
echo $?
# the shell works normally after it; a second read blocks again
echo still here
cat /dev/lx_block
^C
echo $?
rmmod lx_block
memdiff
# a loop: repeat stops at the run interrupted
repeat 100 sleep 1
^C
echo $?
# a script stops at the command interrupted; the lines after it do not run
echo "echo first" > /tmp/s.sh
echo "sleep 10" >> /tmp/s.sh
echo "echo never printed" >> /tmp/s.sh
sh /tmp/s.sh
^C
echo $?
# after Ctrl-C the next command runs to its end
sleep 0.1
echo $?
