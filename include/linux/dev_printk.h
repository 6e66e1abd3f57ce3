/*
 * dev_err, dev_warn, dev_info... (<linux/dev_printk.h>): printk with the
 * driver's and the device's names first, "DRIVER NAME: message", as
 * Linux ("pci_edu 0000:00:04.0: ..."). They need dev_driver_string and
 * dev_name, which <linux/device.h> provides; a NULL dev prints
 * "(NULL device *)" as Linux does.
 */
#ifndef _LINUX_DEV_PRINTK_H
#define _LINUX_DEV_PRINTK_H

#include <linux/printk.h>

struct device;

#define dev_printk(level, dev, fmt, ...)				\
	((dev) ? printk(level "%s %s: " fmt, dev_driver_string(dev),	\
			dev_name(dev), ##__VA_ARGS__)			\
	       : printk(level "(NULL device *): " fmt, ##__VA_ARGS__))
#define dev_emerg(dev, fmt, ...)  dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)  dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)   dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)    dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)   dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)   dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)    dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif
