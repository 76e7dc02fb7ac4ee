"""The crawler: feeds, sitemaps and start pages through Scrapy; extraction, matching, analysis, storage."""
