-- cloud_price_summary: the spread of cloud prices per accelerator and pricing model.
-- Inputs (declared in its schema): cloud_prices, accelerators.
SELECT
    c.accelerator_id,
    any_value(a.name) AS name,
    c.pricing_model,
    count(*) AS n_prices,
    count(DISTINCT c.provider) AS n_providers,
    median(c.price_usd_per_hour) AS median_price_usd_per_hour,
    min(c.price_usd_per_hour) AS min_price_usd_per_hour,
    max(c.price_usd_per_hour) AS max_price_usd_per_hour,
    min(c.price_date) AS first_price_date,
    max(c.price_date) AS last_price_date
FROM cloud_prices c
JOIN accelerators a USING (accelerator_id)
GROUP BY c.accelerator_id, c.pricing_model
ORDER BY c.accelerator_id, c.pricing_model
