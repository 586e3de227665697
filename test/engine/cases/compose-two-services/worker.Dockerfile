FROM local/tools:bookworm
WORKDIR /app
RUN python3 -c "import sys; print(sys.version)" && sleep 2
RUN pip3 install --no-index torch==2.3.1
CMD ["python3", "-m", "worker"]
