# race_ops_stress: a stress round of race_ops_stress (race_ops: a driver whose calls busy-wait 100 us; the caller thread runs meanwhile; rmmod -w retries while a call holds the driver)
insmod /lib/modules/race_ops.ko us=100
sleep 0
rmmod -w race_ops
