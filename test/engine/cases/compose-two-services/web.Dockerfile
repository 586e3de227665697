FROM local/busybox:1.35 AS assets
WORKDIR /assets
RUN echo "bundling static assets" && sleep 1 && echo "body{}" > site.css

FROM local/busybox:1.35
COPY --from=assets /assets/site.css /var/www/site.css
CMD ["httpd", "-f", "-h", "/var/www"]
